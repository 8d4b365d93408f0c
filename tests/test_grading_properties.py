"""Whatever is typed, grading ends quickly in a verdict or a clean "could not read", and runs nothing."""

from __future__ import annotations

import builtins
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzer.grading import Target, grade_formula, grade_quantity, read_quantity
from quizzer.grading.dims import BYTES, NONE
from quizzer.models import Formula, Text, Tolerance, Variable

KV = Target(4294967296.0, BYTES, "B", Tolerance("rel", 0.03), "GB", "GB")
COUNT = Target(7e9, NONE, "count", Tolerance("factor", 3.0), "billion", "billion")
TRAIN = Formula((Variable("N", ("params",), Text("N", "N")), Variable("D", ("tokens",), Text("D", "D"))), "6 * N * D")
# Characters that mean something to the tokenizer, so random text reaches deep into the parser.
ALPHABET = " 0123456789.,_eE+-*/^()×·~≈=%kKMGTBbiytesFLOPsdhminNDx亿万千十七到约左右显存±–°¹⁰\u3000"
FAST = settings(deadline=1000, max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.one_of(st.text(max_size=600), st.text(alphabet=ALPHABET, max_size=80)))
def test_any_text_gets_a_numeric_verdict(text: str) -> None:
    for target in (KV, COUNT):
        v = grade_quantity(text, target)
        assert v.status in ("correct", "wrong", "dimension", "unit-needed", "range-too-wide", "unreadable")
        assert v.readable == (v.status != "unreadable") and v.message


@settings(deadline=3000, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=600), st.text(alphabet="NDparmstoken 0123456789+-*/^()·×=.", max_size=60)))
def test_any_text_gets_a_formula_verdict(text: str) -> None:
    v = grade_formula(text, TRAIN)
    assert v.status in ("correct", "wrong", "unreadable") and v.message


@settings(max_examples=300)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_floats_printed_by_python_read_back_exactly(x: float) -> None:
    for text in (repr(x), str(x), f"{x:,}", f"{x:_}"):
        assert read_quantity(text).value == x, text


@settings(max_examples=300)
@given(st.integers(min_value=-10**200, max_value=10**200))
def test_integers_printed_by_python_read_back_exactly(n: int) -> None:
    for text in (str(n), f"{n:,}", f"{n:_}"):
        assert Fraction(read_quantity(text).value) == Fraction(float(n)), text


@settings(max_examples=200)
@given(st.floats(min_value=1e-6, max_value=1e6), st.sampled_from(["GB", "GiB", "TFLOP", "day", "ms", "%", "亿"]))
def test_numbers_with_units_read_back(x: float, unit: str) -> None:
    one = read_quantity(f"1 {unit}").value
    assert read_quantity(f"{x!r} {unit}").value == pytest.approx(x * one, rel=1e-12)
    assert read_quantity(f"{x!r}{unit}").value == pytest.approx(x * one, rel=1e-12)


def test_grading_never_calls_eval_or_exec() -> None:
    calls: list[str] = []
    saved = builtins.eval, builtins.exec

    def spy(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            # Imports run code objects through exec; what must never happen is text being evaluated.
            if args and isinstance(args[0], str):
                calls.append(f"{name}({args[0]!r})")
            return saved[0 if name == "eval" else 1](*args, **kwargs)
        return call

    grade_formula("6*N*D", TRAIN)  # SymPy imported before spying: its own start-up is not our business
    builtins.eval, builtins.exec = spy("eval"), spy("exec")
    try:
        for text in ("__import__('os').system('echo hi')", "exec('1')", "eval(1)", "().__class__", "lambda: 1",
                     "4.29 GB", "6*N*D", "6ND", "open('x')", "N.__class__"):
            grade_quantity(text, KV)
            grade_formula(text, TRAIN)
    finally:
        builtins.eval, builtins.exec = saved
    assert calls == []


def test_the_parser_and_grader_sources_never_evaluate_text() -> None:
    root = Path(__file__).resolve().parent.parent / "quizzer"
    pattern = re.compile(r"\b(eval|exec|sympify|parse_expr|compile)\s*\(|__import__|importlib")
    for path in sorted((root / "expr").glob("*.py")) + sorted((root / "grading").glob("*.py")) + [root / "units.py"]:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            assert not pattern.search(code.replace("re.compile(", "")), f"{path.name}:{lineno}: {line.strip()}"
