"""Every numeric and formula question of the banks grades its own answer right and near misses wrong."""

from __future__ import annotations

import random

import pytest

from quizzer.bank import load_catalog
from quizzer.grading import grade_formula, grade_numeric
from quizzer.models import Formula, Numeric, Question
from quizzer.units import UNITS
from quizzer.variants import answer_value, draw_params

CATALOG = load_catalog()
NUMERIC = [q for q in CATALOG.questions if isinstance(q.spec, Numeric)]
FORMULA = [q for q in CATALOG.questions if isinstance(q.spec, Formula)]


def in_display(value: float, spec: Numeric) -> str:
    """The value written in the question's display unit, at full precision."""
    return f"{value / UNITS[spec.display].factor!r} {spec.display}"


def numeric_problems(q: Question) -> list[str]:
    spec = q.spec
    assert isinstance(spec, Numeric)
    problems = []
    variants = [dict(spec.params), draw_params(spec, random.Random(q.id))]
    for params in variants:
        value = answer_value(spec, params)
        # Off by 2 is within a factor-of-2 (or wider) tolerance by design, so such questions are checked
        # with twice their factor instead: never skipped.
        wrong_by = 2.0 if spec.tolerance.kind == "rel" or spec.tolerance.value < 2 else 2 * spec.tolerance.value
        cases = [(in_display(value, spec), True), (f"{value / UNITS[spec.display].factor!r}", True),
                 (in_display(value * wrong_by, spec), False), (in_display(value * 1000, spec), False)]
        if params == spec.params:
            cases.append((spec.expected, True))
        for text, right in cases:
            v = grade_numeric(text, spec, params)
            if v.correct != right:
                problems.append(f"{q.id} {params}: {text!r} -> {v.status}: {v.message}")
    return problems


def test_the_banks_have_numeric_and_formula_questions() -> None:
    assert len(NUMERIC) >= 20 and len(FORMULA) >= 10


@pytest.mark.parametrize("q", NUMERIC, ids=[q.id for q in NUMERIC])
def test_numeric_question_grades_its_own_answer(q: Question) -> None:
    assert numeric_problems(q) == []


@pytest.mark.parametrize("q", FORMULA, ids=[q.id for q in FORMULA])
def test_formula_question_grades_its_own_formula(q: Question) -> None:
    spec = q.spec
    assert isinstance(spec, Formula)
    assert grade_formula(spec.formula, spec).correct
    assert not grade_formula(f"2 * ({spec.formula})", spec).correct
    # The same formula written with the first alias of every variable that has one.
    aliased = spec.formula
    for v in sorted(spec.variables, key=lambda v: -len(v.name)):
        if v.aliases:
            aliased = " ".join(v.aliases[0] if tok == v.name else tok for tok in _split(aliased))
    assert grade_formula(aliased, spec).correct, aliased


def _split(formula: str) -> list[str]:
    import re

    return re.findall(r"[A-Za-z_][A-Za-z0-9_]*|[^A-Za-z_\s]+", formula)
