"""`quizzer check` and `quizzer calc`: the grader and the parser on text given on the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quizzer.errors import ExprError, QuizzerError
from quizzer.expr import Name, Node, names_in, parse_formula_answer
from quizzer.expr.tokens import tokenize
from quizzer.grading.dims import BYTES, FLOP, NONE, RATE, TIME, describe, unit_of
from quizzer.grading.formula import FormulaVerdict, grade_formula_against, respell
from quizzer.grading.numeric import NumericVerdict, Target, grade_quantity
from quizzer.grading.quantity import Quantity, read_quantity
from quizzer.grading.show import auto, convert
from quizzer.messages import Said
from quizzer.models import Lang, Text, Tolerance, Variable, in_lang
from quizzer.units import UNITS, Dim, readings

DEFAULT_REL = 0.02
_BASE = {BYTES: "B", FLOP: "FLOP", RATE: "FLOP/s", TIME: "s"}


def tolerance(rel_tol: str | None, factor: float | None) -> Tolerance:
    """The tolerance from `--rel-tol` (`0.05` or `5%`) or `--factor`; 2% relative by default."""
    if rel_tol is not None and factor is not None:
        raise QuizzerError(Said("check.rel_or_factor"))
    if factor is not None:
        if not factor > 1:
            raise QuizzerError(Said("check.factor"))
        return Tolerance("factor", factor)
    if rel_tol is None:
        return Tolerance("rel", DEFAULT_REL)
    try:
        q = read_quantity(rel_tol, NONE)
    except ExprError as exc:
        raise QuizzerError(Said("check.rel_tol_unreadable", {"value": rel_tol, "reason": exc.shown})) from None
    if q.dim != NONE or not 0 < q.value < 10:
        raise QuizzerError(Said("check.rel_tol", {"value": rel_tol}))
    return Tolerance("rel", q.value)


def is_formula(expect: str, variables: list[str]) -> bool:
    """Whether EXPECTED is a formula: it names something that is not a unit (or --var was given)."""
    if variables:
        return True
    try:
        tokens = tokenize(expect, units=True)
    except ExprError:
        return False
    # A word that only names what is counted (params, tokens) reads as a variable unless a number precedes it.
    return any((t.kind == "name" and tokens[i + 1].kind != "(")
               or (t.kind == "unit" and (i == 0 or tokens[i - 1].kind in ("op", "("))
                   and all(r.kind == "noun" for r in readings(t.text)))
               for i, t in enumerate(tokens))


def base_unit(dim: Dim, shown: str | None) -> str:
    """The verdict's `unit` for an expected value of this dimension (`B`, `s`, `count`, `ratio` for a %)."""
    if dim == NONE:
        return "ratio" if shown == "%" else "count"
    return _BASE.get(dim, unit_of(dim))


def _fits(name: str, names: set[str]) -> bool:
    """Whether `name` is one of `names` or a run of them (`ND` of N and D)."""
    try:
        respell(Name(name, 0), names)
    except ExprError:
        return False
    return True


def _variables(answer: str, tree: Node, given: set[str]) -> tuple[set[str], Node, list[str]]:
    """The variables of a formula --expect, its tree, and the answer's names that are none of them.

    `--expect 6ND` against `6*N*D` reads ND as N*D: a name of several letters in the expectation is a run
    of single-letter variables when that is what the answer uses (unless --var names it whole).
    """
    names = (names_in(tree) - {"pi"}) | given
    try:
        used = names_in(parse_formula_answer(answer)) - {"pi"}
    except ExprError:
        return names, tree, []  # the grader says what is wrong with the answer
    unknown = [n for n in sorted(used) if not _fits(n, names)]
    joined = {n for n in names - given if len(n) > 1 and n.isascii() and n.isalpha()}
    letters = (names - joined) | {ch for n in joined for ch in n}
    split = [n for n in sorted(used) if not _fits(n, letters)]
    if joined and len(split) < len(unknown):
        return letters, respell(tree, letters), split
    return names, tree, unknown


def check(answer: str, expect: str, tol: Tolerance, variables: list[str],
          lang: Lang = "en") -> NumericVerdict | FormulaVerdict:
    """Grade ANSWER against EXPECTED; a QuizzerError when EXPECTED itself cannot be read."""
    if is_formula(expect, variables):
        try:
            tree = parse_formula_answer(expect)
        except ExprError as exc:
            raise QuizzerError(Said("check.expect_unreadable", {"value": expect, "reason": exc.shown})) from None
        names, tree, unknown = _variables(answer, tree, set(variables))
        declared = tuple(Variable(n, (), Text(zh=n, en=n)) for n in sorted(names))
        verdict = grade_formula_against(answer, tree, declared, lang)
        lower = {n.lower() for n in names}
        unknown = [n for n in unknown if not _fits(n.lower(), lower)]  # the grader suggests the right case
        if unknown and not verdict.readable:
            flags = " ".join(f"--var {n}" for n in unknown)
            note = in_lang(lang, f" (the variables are the names in --expect and --var: add {flags})",
                           f"（变量取自 --expect 和 --var：请加上 {flags}）")
            verdict = replace(verdict, message=verdict.message + note)
        return verdict
    try:
        q = read_quantity(expect)
    except ExprError as exc:
        raise QuizzerError(Said("check.expect_unreadable", {"value": expect, "reason": exc.shown})) from None
    # No question prompt states a unit here, so a bare number is only read as such against a plain number,
    # or as FLOPs against FLOPs (a count). Numbers are written in the expected's own unit (`38.95 day`), or in
    # sensible units when that is a base unit (`4294967296 B` reads better as 4.29 GB).
    show = q.shown if q.shown in UNITS and q.shown not in ("B", "FLOP", "FLOP/s", "s") else None
    target = Target(q.value, q.dim, base_unit(q.dim, q.shown), tol, "FLOP" if q.dim == FLOP else None, show)
    graded = grade_quantity(answer, target, lang)
    if graded.status == "dimension" and q.dim == NONE and q.shown != "%":
        return replace(graded, message=_plain_expectation(answer, expect, lang))
    return graded


def _plain_expectation(answer: str, expect: str, lang: Lang) -> str:
    """An answer with a unit against a plain-number --expect: say how to give --expect the unit."""
    q = read_quantity(answer)
    unit = _BASE.get(q.dim, unit_of(q.dim))
    what, shown = describe(q.dim, lang), q.shown or unit
    return in_lang(lang, f"Wrong kind of quantity: you gave {what} ({shown}), but --expect {expect} is a plain "
                         f"number. To grade {what}, give --expect its unit: --expect '{expect} {unit}'.",
                   f"量纲不对：你给的是{what}（{shown}），但 --expect {expect} 是纯数字。要按{what}评分，请给 --expect "
                   f"写上单位：--expect '{expect} {unit}'。")


@dataclass(frozen=True)
class Calculation:
    """A calculated quantity: value in the base unit `unit` ('' for a plain number) and how it reads.

    `note` says how a word with two meanings was read (7B: bytes, or 7 billion) when the other reading works.
    """

    value: float
    unit: str
    text: str
    note: str | None = None


def calculate(expr: str, to: str | None = None, lang: Lang = "en") -> Calculation:
    """Evaluate EXPR with units and write it in sensible units, or in `to`; ExprError if it cannot.

    The reading rule is check's: a letter that is a unit or a magnitude (B, G, T) takes the meaning the
    expected quantity asks for; with none expected here it takes its unit meaning, and the note says so.
    """
    q = read_quantity(expr, ranges=False)
    text = convert(q.value, q.dim, to) if to else auto(q.value, q.dim, lang)
    return Calculation(q.value, unit_of(q.dim), text, _other_reading(expr, q, lang))


def _other_reading(expr: str, q: Quantity, lang: Lang = "en") -> str | None:
    """For a number whose letter was read as a unit (7B: 7 bytes), what it is as a count (7 billion).

    Only a letter written against its number says so: `4096 B` (with a space) is plainly bytes.
    """
    if q.dim == NONE or len(q.readings) != 1:
        return None
    word, meaning = q.readings[0]
    kind = {r.meaning: r.kind for r in readings(word)}.get(meaning)
    if kind != "unit" or not re.search(rf"\d{re.escape(word)}(?![A-Za-z])", expr):
        return None
    try:
        count = read_quantity(expr, NONE, ranges=False)
    except ExprError:
        return None
    if count.dim != NONE:
        return None
    return in_lang(lang, f"{word!r} was read as {'bytes' if meaning == 'B' else meaning}; as a count this is "
                         f"{auto(count.value, NONE)} (write bn or billion, or name what is counted: params, tokens)",
                   f"{word!r} 按{'字节' if meaning == 'B' else meaning}理解；"
                   f"若是个数，则为 {auto(count.value, NONE, 'zh')}"
                   f"（十亿请写 bn、billion 或 十亿，或写明计数对象：params、tokens）")
