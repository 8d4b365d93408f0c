"""`quizzer check` and `quizzer calc`: the grader and the parser on text given on the command line."""

from __future__ import annotations

from dataclasses import dataclass

from quizzer.errors import ExprError, QuizzerError
from quizzer.expr import names_in, parse_formula_answer
from quizzer.expr.tokens import tokenize
from quizzer.grading.dims import BYTES, FLOP, NONE, RATE, TIME, unit_of
from quizzer.grading.formula import FormulaVerdict, grade_formula_against
from quizzer.grading.numeric import NumericVerdict, Target, grade_quantity
from quizzer.grading.quantity import read_quantity
from quizzer.grading.show import auto, convert
from quizzer.models import Lang, Text, Tolerance, Variable
from quizzer.units import UNITS, Dim

DEFAULT_REL = 0.02
_BASE = {BYTES: "B", FLOP: "FLOP", RATE: "FLOP/s", TIME: "s"}


def tolerance(rel_tol: str | None, factor: float | None) -> Tolerance:
    """The tolerance from `--rel-tol` (`0.05` or `5%`) or `--factor`; 2% relative by default."""
    if rel_tol is not None and factor is not None:
        raise QuizzerError("give --rel-tol or --factor, not both")
    if factor is not None:
        if not factor > 1:
            raise QuizzerError("--factor must be above 1 (e.g. 3 accepts a third to three times the value)")
        return Tolerance("factor", factor)
    if rel_tol is None:
        return Tolerance("rel", DEFAULT_REL)
    try:
        q = read_quantity(rel_tol, NONE)
    except ExprError as exc:
        raise QuizzerError(f"cannot read --rel-tol {rel_tol!r}: {exc.message}") from None
    if q.dim != NONE or not 0 < q.value < 10:
        raise QuizzerError(f"--rel-tol must be a plain number such as 0.02 or 2%, not {rel_tol!r}")
    return Tolerance("rel", q.value)


def is_formula(expect: str, variables: list[str]) -> bool:
    """Whether EXPECTED is a formula: it names something that is not a unit (or --var was given)."""
    if variables:
        return True
    try:
        tokens = tokenize(expect, units=True)
    except ExprError:
        return False
    return any(t.kind == "name" and tokens[i + 1].kind != "(" for i, t in enumerate(tokens))


def base_unit(dim: Dim, shown: str | None) -> str:
    """The verdict's `unit` for an expected value of this dimension (`B`, `s`, `count`, `ratio` for a %)."""
    if dim == NONE:
        return "ratio" if shown == "%" else "count"
    return _BASE.get(dim, unit_of(dim))


def check(answer: str, expect: str, tol: Tolerance, variables: list[str],
          lang: Lang = "en") -> NumericVerdict | FormulaVerdict:
    """Grade ANSWER against EXPECTED; a QuizzerError when EXPECTED itself cannot be read."""
    if is_formula(expect, variables):
        try:
            tree = parse_formula_answer(expect)
        except ExprError as exc:
            raise QuizzerError(f"cannot read --expect {expect!r}: {exc.message}") from None
        names = sorted(names_in(tree) | set(variables))
        declared = tuple(Variable(n, (), Text(zh=n, en=n)) for n in names)
        return grade_formula_against(answer, tree, declared, lang)
    try:
        q = read_quantity(expect)
    except ExprError as exc:
        raise QuizzerError(f"cannot read --expect {expect!r}: {exc.message}") from None
    # No question prompt states a unit here, so a bare number is only read as such against a plain number.
    # Numbers are written in the expected's own unit (`38.95 day`), or in sensible units when that is a base
    # unit (`4294967296 B` reads better as 4.29 GB).
    show = q.shown if q.shown in UNITS and q.shown not in ("B", "FLOP", "FLOP/s", "s") else None
    target = Target(q.value, q.dim, base_unit(q.dim, q.shown), tol, None, show)
    return grade_quantity(answer, target, lang)


@dataclass(frozen=True)
class Calculation:
    """A calculated quantity: value in the base unit `unit` ('' for a plain number) and how it reads."""

    value: float
    unit: str
    text: str


def calculate(expr: str, to: str | None = None) -> Calculation:
    """Evaluate EXPR with units and write it in sensible units, or in `to`; ExprError if it cannot."""
    q = read_quantity(expr, ranges=False)
    text = convert(q.value, q.dim, to) if to else auto(q.value, q.dim)
    return Calculation(q.value, unit_of(q.dim), text)
