"""The expression parser that evaluates bank formulas: grammar, exactness, limits, safety."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest

from quizzer.errors import ExprError
from quizzer.expr import evaluate, names_in, parse


@pytest.mark.parametrize(
    "text, value",
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("2 ^ 3 ^ 2", 512),  # right-associative
        ("2 ** 10", 1024),
        ("-2 ^ 2", -4),  # power binds tighter than unary minus
        ("2 × 3 · 4", 24),
        ("6 / 4", Fraction(3, 2)),
        ("1.5e3 - 500", 1000),
        ("sqrt(16) + max(1, 7, 3) - min(2, 5)", 9),
        ("ceil(2.1) + floor(2.9)", 5),
        ("2*2*32*4*2048*4096", 4294967296),
    ],
)
def test_values(text: str, value: float) -> None:
    assert evaluate(parse(text)) == value


def test_decimals_are_exact() -> None:
    assert evaluate(parse("0.1 + 0.2")) == Fraction(3, 10)


def test_names_are_looked_up_and_reported() -> None:
    tree = parse("2 * bytes * layers")
    assert names_in(tree) == {"bytes", "layers"}
    assert evaluate(tree, {"bytes": 2, "layers": 32}) == 128
    with pytest.raises(ExprError, match="unknown name 'layers'"):
        evaluate(tree, {"bytes": 2})


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("1 +", "end of input"),
        ("(1 + 2", r"expected '\)'"),
        ("1 $ 2", "unexpected character '\\$'"),
        ("__import__(os)", "unknown function '__import__'"),
        ("__import__('os')", "unexpected character"),
        ("1 / 0", "division by zero"),
        ("sqrt(-1)", "negative"),
        ("x" * 501, "longer than 500"),
        ("(" * 25 + "1" + ")" * 25, "deeper than 20"),
    ],
)
def test_bad_input_is_a_clean_error(text: str, message: str) -> None:
    with pytest.raises(ExprError, match=message):
        evaluate(parse(text), {"x" * 501: 1})


def test_huge_powers_fail_fast() -> None:
    start = time.monotonic()
    for text in ("9**9**9**9", "10^10^10", "2^99999999", "exp(1e9)"):
        with pytest.raises(ExprError, match="too large"):
            evaluate(parse(text))
    assert time.monotonic() - start < 1.0
