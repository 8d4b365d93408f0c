"""Checks of a numeric question on its own: placeholders, a computable answer that matches `expected`."""

from __future__ import annotations

import math

from quizzer.errors import ExprError
from quizzer.models import Bank, Numeric, Problem, Question
from quizzer.variants import PLACEHOLDER, all_variants, answer_value, formula_value, parse_expected

# A hand-computed `expected` is written to about three significant digits, so 2% covers rounding only.
EXPECTED_REL = 0.02


def check_numeric(q: Question, spec: Numeric, thorough: bool) -> list[tuple[str, str]]:
    """(key the problem is about, message) for everything wrong with a numeric question."""
    problems: list[tuple[str, str]] = []
    names = set(spec.params) | {"answer"}
    for lang in ("zh", "en"):
        used = set(PLACEHOLDER.findall(q.prompt.get(lang)))
        if q.explanation:
            used |= set(PLACEHOLDER.findall(q.explanation.get(lang)))
        for name in sorted(used - names):
            problems.append(("prompt", f"placeholder {{{name}}} in the {lang} text is not a param"))
        for name in sorted(set(spec.vary) - set(PLACEHOLDER.findall(q.prompt.get(lang)))):
            problems.append(("prompt", f"vary.{name} changes but the {lang} prompt does not show {{{name}}}"))
    try:
        value = answer_value(spec)
        expected, unit = parse_expected(spec.expected)
    except ExprError as exc:
        return [*problems, ("formula", f"cannot compute the answer: {exc.message}")]
    if unit not in ("count", "ratio", "%") and spec.expected.split()[-1] != spec.display:
        problems.append(("expected",
                         f"expected {spec.expected!r} should be written in the display unit {spec.display}"))
    if not math.isfinite(value) or value <= 0:
        problems.append(("formula", f"the formula gives {value} for the default params"))
    elif abs(expected - value) / value > EXPECTED_REL:
        problems.append(("expected", f"expected {spec.expected!r} does not match the formula, which gives "
                                     f"{value:.4g} {spec.unit}"))
    for params in all_variants(spec) if thorough else ():
        try:
            v = answer_value(spec, params)
        except ExprError as exc:
            problems.append(("vary", f"variant {params} cannot be computed: {exc.message}"))
            break
        if not math.isfinite(v) or v <= 0:
            problems.append(("vary", f"variant {params} gives {v}"))
            break
    for m in spec.common_mistakes:
        try:
            wrong = formula_value(m.formula, spec.params)
        except ExprError as exc:
            problems.append(("common_mistakes", f"common mistake {m.formula!r} cannot be computed: {exc.message}"))
            continue
        if value > 0 and abs(wrong - value) / value < 0.01:
            problems.append(("common_mistakes", f"common mistake {m.formula!r} gives the right answer"))
    return problems


def question_checks(bank: Bank, thorough: bool) -> list[Problem]:
    """What one bank's questions get wrong on their own (kept with the bank's parsed entry)."""
    problems: list[Problem] = []
    for q in bank.questions:
        if isinstance(q.spec, Numeric):
            problems += [Problem(q.file, q.line_of(key), f"{q.id}: {message}")
                         for key, message in check_numeric(q, q.spec, thorough)]
    return problems
