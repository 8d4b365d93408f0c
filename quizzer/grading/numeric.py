"""Grade a numeric answer by value: units by dimension, the display unit for bare numbers, tolerance, hints."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from quizzer.errors import ExprError
from quizzer.grading.dims import FLOP, NONE, describe, of_unit, unit_of
from quizzer.grading.hints import factor_hint, mistake_hint, within
from quizzer.grading.quantity import Quantity, read_quantity
from quizzer.grading.show import auto, in_unit
from quizzer.models import Lang, Numeric, Params, Text, Tolerance, in_lang
from quizzer.units import UNITS, Dim, format_number
from quizzer.variants import answer_value, formula_value

# A range is an estimate only while it commits to something: 17-18 GB is, 10-100 GB is not.
MAX_SPREAD = 1.5


@dataclass(frozen=True)
class Target:
    """What an answer is graded against: a value in base units, its dimension, and how to read and judge it.

    `display` is the unit the question asks for (a bare number is read in it; None: a bare number needs a
    unit); `show` is the unit numbers are written in; `mistakes` are (wrong value, hint) pairs.
    """

    value: float
    dim: Dim
    base: str
    tolerance: Tolerance
    display: str | None = None
    show: str | None = None
    mistakes: tuple[tuple[float, Text], ...] = ()


@dataclass(frozen=True)
class NumericVerdict:
    """The grade of one numeric answer; `value` and `expected` are in the base unit `unit`.

    status: correct | wrong | dimension (another kind of quantity) | unit-needed | range-too-wide | unreadable.
    """

    correct: bool
    value: float | None
    unit: str | None
    expected: float | None
    ratio: float | None
    message: str
    hint: str | None = None
    status: str = "correct"
    readable: bool = True


def _in(value: float, unit: str | None, target: Target, lang: Lang = "en") -> str:
    return in_unit(value, unit, target.dim, lang) if unit else auto(value, target.dim, lang)


def _written(q: Quantity, value: float, target: Target, scale: float = 1.0, lang: Lang = "en") -> str:
    """The answer as the user wrote it (`4 GiB`), plus the question's unit when that differs (`= 4.29 GB`)."""
    unit = q.shown if q.shown in UNITS and UNITS[q.shown].dimension != "count" else target.show
    if q.low is not None and q.high is not None:
        text = f"{_in(q.low * scale, unit, target, lang)} – {_in(q.high * scale, unit, target, lang)}"
    else:
        text = _in(value, unit, target, lang)
    if unit != target.show and target.show:
        text += f" = {_in(value, target.show, target, lang)}"
    return text


def _how_far(ratio: float, lang: Lang) -> str:
    """How far off an answer is, as people say it: '7% too small' near the mark, '24× too small' far from it."""
    if 0.5 <= ratio < 1.5:
        off = abs(ratio - 1) * 100
        pct = f"{off:.0f}%" if off >= 1 else f"{off:.1g}%"
        return in_lang(lang, f"{pct} too {'large' if ratio > 1 else 'small'}", f"偏{'大' if ratio > 1 else '小'} {pct}")
    if ratio > 1:
        return in_lang(lang, f"{format_number(ratio)}× too large", f"是参考值的 {format_number(ratio)} 倍")
    return in_lang(lang, f"{format_number(1 / ratio)}× too small", f"只有参考值的 1/{format_number(1 / ratio)}")


def _expected(target: Target, lang: Lang = "en") -> str:
    return (in_unit(target.value, target.show, target.dim, lang) if target.show
            else auto(target.value, target.dim, lang))


def _verdict(status: str, target: Target, message: str, value: float | None = None, unit: str | None = None,
             hint: str | None = None) -> NumericVerdict:
    ratio = value / target.value if value is not None and target.value and unit == target.base else None
    return NumericVerdict(status == "correct", value, unit, target.value, ratio, message, hint, status)


def _bare_value(q: Quantity, target: Target) -> tuple[float, float] | None:
    """(value, scale) of a bare number read in the display unit, or None when it needs a unit.

    FLOPs are a count like parameters and tokens, so a bare number in a FLOP answer may also be FLOPs.
    """
    if target.dim not in (NONE, FLOP):
        return (q.value * UNITS[target.display].factor, UNITS[target.display].factor) if target.display else None
    if target.display in (None, "count", "ratio", "FLOP"):
        return q.value, 1.0
    # "Answer in millions" / "in %" / "in PF-days": 201 and 201326592 both read naturally; take the nearer.
    scale = UNITS[target.display].factor
    options = [(q.value * scale, scale), (q.value, 1.0)]
    return min(options, key=lambda o: abs(math.log(abs(o[0] / target.value))) if o[0] and target.value else math.inf)


def _counts(q: Quantity, target: Target) -> bool:
    """An answer in FLOPs where a count is asked: FLOPs are counted, so the number stands."""
    return q.dim == FLOP and target.dim == NONE and (target.display is None or UNITS[target.display].dimension
                                                      == "count")


def grade_quantity(text: str, target: Target, lang: Lang = "en") -> NumericVerdict:
    """Grade `text` against `target`; never raises for any text."""
    try:
        q = read_quantity(text, target.dim)
    except ExprError as exc:
        return NumericVerdict(False, None, None, target.value, None,
                              in_lang(lang, f"could not read the answer: {exc.message}",
                                      f"无法读懂答案：{exc.render(lang)}"),
                              None, "unreadable", readable=False)
    value, scale = q.value, 1.0
    if _counts(q, target):
        q = replace(q, dim=NONE, shown=None)
    if q.dim != target.dim or (q.bare and target.dim in (NONE, FLOP)):
        bare = _bare_value(q, target) if q.bare and q.dim == NONE else None
        if bare is not None:
            value, scale = bare
        elif q.dim == NONE:
            want = f" ({target.display})" if target.display else ""
            return _verdict("unit-needed", target, in_lang(
                lang, f"A unit is needed: the answer is {describe(target.dim)}{want}.",
                f"需要写单位：答案应是{describe(target.dim, 'zh')}{want}。"), q.value, "count")
        else:
            return _verdict("dimension", target, in_lang(
                lang, f"Wrong kind of quantity: you gave {describe(q.dim)} ({q.shown or unit_of(q.dim) or 'no unit'}), "
                      f"but the answer is {describe(target.dim)} ({target.show or target.base}).",
                f"量纲不对：你给的是{describe(q.dim, 'zh')}（{q.shown or unit_of(q.dim) or '无单位'}），"
                f"答案应是{describe(target.dim, 'zh')}（{target.show or target.base}）。"), q.value, unit_of(q.dim))
    said = _written(q, value, target, scale, lang)
    if q.spread > MAX_SPREAD:
        return _verdict("range-too-wide", target, in_lang(
            lang, f"The range {said} is too wide to grade (high/low = {q.spread:.3g}, at most {MAX_SPREAD}): "
                  "commit to one estimate.",
            f"范围 {said} 太宽（上下限之比 {q.spread:.3g}，最多 {MAX_SPREAD}），请给出一个明确的估计。"),
            value, target.base)
    expected = _expected(target, lang)
    if within(target.tolerance, value, target.value):
        return _verdict("correct", target, in_lang(lang, f"Correct: {said}; expected {expected}.",
                                                   f"正确：{said}；参考答案 {expected}。"), value, target.base)
    ratio = value / target.value if target.value else math.inf
    how = _how_far(ratio, lang) if ratio > 0 and math.isfinite(ratio) else ""
    message = in_lang(lang, f"Not quite: {said}; expected {expected}" + (f" ({how})." if how else "."),
                      f"不对：你的答案 {said}；参考答案 {expected}" + (f"（{how}）。" if how else "。"))
    hint = mistake_hint(value, target.mistakes, target.tolerance, lang) or factor_hint(
        ratio, target.dim, target.tolerance, lang)
    hint = _reading_note(q, target, value, lang, hint)
    return _verdict("wrong", target, message, value, target.base, hint)


def _reading_note(q: Quantity, target: Target, value: float, lang: Lang, hint: str | None) -> str | None:
    """Say how an ambiguous word or a bare number was read when another reading would have been right."""
    notes = []
    if q.bare and target.display and target.dim != NONE and within(target.tolerance, q.value, target.value):
        notes.append(in_lang(lang, f"A bare number is read in {target.display}, the unit the question asks for; "
                              f"as {target.base} it would be right, so write the unit.",
                        f"不带单位的数按题目要求的 {target.display} 理解；按 {target.base} 算是对的，请写上单位。"))
    if ("B", "B") in q.readings and within(target.tolerance, value * 1e9, target.value):
        notes.append(in_lang(lang, "'B' after a number was read as bytes; write 'bn' or 'billion' for billions.",
                        "数字后的 B 按字节理解；十亿请写 bn、billion 或 十亿。"))
    return " ".join(([hint] if hint else []) + notes) or None


def numeric_target(spec: Numeric, params: Params | None = None) -> Target:
    """The target of a bank question for the variant `params` (the defaults when omitted)."""
    params = params if params is not None else spec.params
    mistakes = []
    for m in spec.common_mistakes:
        try:
            mistakes.append((formula_value(m.formula, params), m.hint))
        except ExprError:
            continue  # `quizzer validate` reports such a mistake; grading goes on without it
    return Target(answer_value(spec, params), of_unit(spec.unit), spec.unit, spec.tolerance, spec.display,
                  spec.display, tuple(mistakes))


def grade_numeric(text: str, spec: Numeric, params: Params | None = None,
                  lang: Lang = "en") -> NumericVerdict:
    """Grade a typed answer to a numeric bank question, for the variant `params` that was asked."""
    return grade_quantity(text, numeric_target(spec, params), lang)
