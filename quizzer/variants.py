"""Numeric questions as templates: draw parameters, compute the answer, fill in the text."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache

from quizzer.errors import ExprError
from quizzer.expr import Node, evaluate, parse
from quizzer.models import Number, Numeric, Params
from quizzer.units import UNITS, format_value

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def answer_value(spec: Numeric, params: Params | None = None) -> float:
    """The expected answer, in base units, for `params` (the defaults when omitted)."""
    return formula_value(spec.formula, params if params is not None else spec.params)


@lru_cache(maxsize=2048)
def _tree(formula: str) -> Node:
    # Trees are immutable, so one parse per formula text serves every variant.
    return parse(formula)


def formula_value(formula: str, params: Params) -> float:
    """A bank formula evaluated over parameters."""
    env = {k: Fraction(v) if isinstance(v, int) else v for k, v in params.items()}
    return float(evaluate(_tree(formula), env))


def draw_params(spec: Numeric, rng: random.Random) -> dict[str, Number]:
    """A variant: the defaults with every `vary` parameter drawn from its list."""
    params = dict(spec.params)
    for name, values in sorted(spec.vary.items()):
        params[name] = rng.choice(values)
    return params


def all_variants(spec: Numeric, limit: int = 256) -> Iterator[dict[str, Number]]:
    """Every combination of `vary` values (up to `limit`), for validation."""
    names = sorted(spec.vary)
    for combo in itertools.islice(itertools.product(*(spec.vary[n] for n in names)), limit):
        params = dict(spec.params)
        params.update(zip(names, combo))
        yield params


def show_number(value: Number) -> str:
    """A parameter as a person writes it: `4096`, `10,000,000`, `0.3`, `1.75e11`."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e6:
        return str(int(value))
    if value.is_integer() and abs(value) < 1e10:
        return f"{int(value):,}"
    mantissa, _, exponent = f"{value:.4g}".partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else mantissa


def fill(text: str, params: Params, answer: str | None = None) -> str:
    """Replace `{param}` and `{answer}` placeholders; unknown names are left as they are."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "answer" and answer is not None:
            return answer
        if name in params:
            return show_number(params[name])
        return m.group(0)

    return PLACEHOLDER.sub(sub, text)


def display_answer(spec: Numeric, params: Params | None = None, lang: str = "en") -> str:
    """The expected answer written in the question's display unit."""
    return format_value(answer_value(spec, params), spec.display, lang)


def parse_expected(text: str) -> tuple[float, str]:
    """Read a bank's `expected:` (`4.29 GB`, `3.15e23 FLOP`, `16 count`) into (base-unit value, unit)."""
    m = re.fullmatch(r"\s*(.+?)\s*([A-Za-z%][A-Za-z/%-]*)?\s*", text)
    if not m or not m.group(2) or m.group(2) not in UNITS:
        raise ExprError(f"expected {text!r} is not '<number> <unit>' with a known unit")
    value = float(evaluate(parse(m.group(1))))
    unit = UNITS[m.group(2)]
    return value * unit.factor, unit.name
