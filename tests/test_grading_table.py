"""The answer table (tests/data/answers.tsv): every accepted form, near miss, wrong dimension and hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzer.grading import Target, grade_quantity, read_quantity
from quizzer.grading.check import base_unit
from quizzer.models import Text, Tolerance

TABLE = Path(__file__).parent / "data" / "answers.tsv"


def rows() -> list[tuple[str, str, str, str, str]]:
    out = []
    for line in TABLE.read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            answer, expected, context, verdict, contains = line.split("\t")
            out.append((answer, expected, context, verdict, contains))
    return out


def target(expected: str, context: str) -> tuple[Target, str]:
    options = dict(item.split("=", 1) for item in context.split(";")) if context != "-" else {}
    q = read_quantity(expected)
    tol = Tolerance("factor", float(options["factor"])) if "factor" in options else Tolerance(
        "rel", float(options.get("rel", 0.03)))
    mistakes = []
    if "mistake" in options:
        value, hint = options["mistake"].split(":", 1)
        mistakes.append((read_quantity(value).value, Text(zh=hint, en=hint)))
    display = options.get("display")
    return Target(q.value, q.dim, base_unit(q.dim, q.shown), tol, display, display, tuple(mistakes)), options.get(
        "lang", "en")


def test_the_table_is_big_and_covers_every_verdict() -> None:
    table = rows()
    assert len(table) >= 200
    assert {r[3] for r in table} == {"correct", "wrong", "dimension", "unit-needed", "range-too-wide", "unreadable"}


@pytest.mark.parametrize("answer, expected, context, verdict, contains", rows())
def test_answer(answer: str, expected: str, context: str, verdict: str, contains: str) -> None:
    tgt, lang = target(expected, context)
    v = grade_quantity(answer, tgt, lang)  # type: ignore[arg-type]
    said = f"{v.message} | hint: {v.hint}"
    assert v.status == verdict, said
    assert v.correct == (verdict == "correct")
    assert v.readable == (verdict != "unreadable")
    if contains != "-":
        assert contains in said
