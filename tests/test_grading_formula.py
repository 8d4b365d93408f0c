"""Formula answers: declared names and aliases, equivalence as functions of positive variables, hints."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from quizzer.grading import grade_formula
from quizzer.models import Formula, Text, Variable


def var(name: str, *aliases: str, meaning: str = "") -> Variable:
    return Variable(name, aliases, Text(zh=meaning or name, en=meaning or name))


TRAIN = Formula((var("N", "params", "n_params", meaning="parameters"), var("D", "tokens", meaning="training tokens")),
                "6 * N * D")
KV = Formula((var("b", "bytes"), var("L", "layers"), var("B", "batch"), var("S", "seq"), var("h", "hidden")),
             "2 * b * L * B * S * h")
BUBBLE = Formula((var("p", "stages"), var("m", "micro_batches")), "(p - 1) / (m + p - 1)")
OPTIMAL = Formula((var("C", "compute"),), "sqrt(C / 120)")
ROPE = Formula((var("base"), var("i"), var("d", "dim")), "base ^ (-2 * i / d)")
NTK = Formula((var("base"), var("s", "scale"), var("d")), "base * s ^ (d / (d - 2))")


@pytest.mark.parametrize("spec, text", [
    (TRAIN, "6*N*D"), (TRAIN, "6ND"), (TRAIN, "6 N D"), (TRAIN, "N·D·6"), (TRAIN, "6×N×D"), (TRAIN, "6 params tokens"),
    (TRAIN, "6*n_params*tokens"), (TRAIN, "C = 6ND"), (TRAIN, "3*2*N*D"), (TRAIN, "6*N*D*(N/N)"), (TRAIN, "(12*N*D)/2"),
    (TRAIN, "exp(log(6*N*D))"), (TRAIN, "sqrt(36*N^2*D^2)"), (TRAIN, "max(6*N*D, 0)"),
    (KV, "2*b*L*B*S*h"), (KV, "2 bytes layers batch seq hidden"), (KV, "2bLBSh"), (KV, "b*L*(2*B)*S*h"),
    (BUBBLE, "(p-1)/(m+p-1)"), (BUBBLE, "1 - m/(m+p-1)"), (BUBBLE, "(stages-1)/(micro_batches+stages-1)"),
    (OPTIMAL, "sqrt(C/120)"), (OPTIMAL, "(C/120)^0.5"), (OPTIMAL, "(C/120)**(1/2)"), (OPTIMAL, "sqrt(C)/sqrt(120)"),
    (ROPE, "base^(-2*i/d)"), (ROPE, "1/base^(2i/d)"), (ROPE, "exp(-2*i*log(base)/d)"), (ROPE, "(1/base)^(2*i/dim)"),
    (NTK, "base * s^(d/(d-2))"), (NTK, "base*s^(1 + 2/(d-2))"), (NTK, "base * scale^(d/(d-2))"),
])
def test_equivalent_forms_are_correct(spec: Formula, text: str) -> None:
    v = grade_formula(text, spec)
    assert (v.correct, v.readable, v.status) == (True, True, "correct"), v.message
    assert v.method in ("symbolic", "evaluation")


@pytest.mark.parametrize("spec, text, hint", [
    (TRAIN, "2*N*D", "exactly 1/3 × the expected formula"),
    (TRAIN, "12 N D", "exactly 2 ×"),
    (TRAIN, "6*N", "does not depend on D (training tokens)"),
    (TRAIN, "6*N*D + 1", None),
    (KV, "b*L*B*S*h", "exactly 1/2 ×"),
    (KV, "2*b*L*B*S*h/8", "Off by 8: bits versus bytes"),
    (BUBBLE, "(p-1)/m", None),
    (OPTIMAL, "sqrt(C/6)", "exactly 4.472 ×"),
    (ROPE, "base^(-i/d)", None),
    (NTK, "base * s^(d/(d-1))", None),
])
def test_wrong_formulas_get_hints(spec: Formula, text: str, hint: str | None) -> None:
    v = grade_formula(text, spec)
    assert (v.correct, v.readable, v.status) == (False, True, "wrong")
    assert v.message == "Not equivalent to the expected formula."
    if hint is None:
        assert v.hint is None
    else:
        assert v.hint is not None and hint in v.hint


@pytest.mark.parametrize("text, message", [
    ("6*n*D", "unknown name 'n' (did you mean 'N'?); use D, N"),
    ("6nd", "unknown name 'nd' (did you mean 'N*D'?)"),
    ("6*N*D*tokenz", "unknown name 'tokenz' (did you mean 'tokens'?)"),
    ("6*N*", "unexpected 'end of input'"),
    ("__import__('os')", "unexpected character"),
    ("eval(N)", "unknown name 'eval'"),
    ("N" * 501, "longer than 500"),
    ("", "empty"),
])
def test_unreadable_formulas_say_why(text: str, message: str) -> None:
    v = grade_formula(text, TRAIN)
    assert (v.correct, v.readable, v.status) == (False, False, "unreadable")
    assert message in v.message


def test_chinese_messages() -> None:
    assert grade_formula("6ND", TRAIN, "zh").message.startswith("正确")
    wrong = grade_formula("6N", TRAIN, "zh")
    assert wrong.message == "与参考公式不等价。" and wrong.hint == "你的公式没有用到 D (training tokens)。"


def test_hard_formulas_never_hang() -> None:
    start = time.monotonic()
    for text in ("N^64*D - (N*D)^64 + 6*N*D", "(N+D)^60 - (D+N)^60 + 6*N*D", "9**9**9**9*N", "N^999999*D",
                 "exp(exp(exp(N)))", "log(log(log(N)))*D"):
        v = grade_formula(text, TRAIN)
        assert v.status in ("correct", "wrong", "unreadable")
    assert time.monotonic() - start < 20


def test_importing_grading_does_not_import_sympy_but_a_formula_check_does() -> None:
    code = ("import sys\nimport quizzer.grading as g\nprint('sympy' in sys.modules)\n"
            "from quizzer.models import Formula, Variable, Text\n"
            "f = Formula((Variable('N', (), Text('N', 'N')),), '2*N')\n"
            "v = g.grade_formula('N+N', f)\nprint('sympy' in sys.modules, v.correct, v.method)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split("\n")[:2] == ["False", "True True symbolic"], out.stderr
