"""Read a free-form answer into a Quantity: value in base units, dimension, unit shown, range."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from quizzer.errors import ExprError
from quizzer.expr import Attach, Binary, Call, Name, Node, Num, Range, Unary, Unit, parse_answer, units_in
from quizzer.expr.evaluate import Value, call, finite, power
from quizzer.grading.dims import KNOWN, NONE, describe, unit_of
from quizzer.messages import Both, Said
from quizzer.units import DIMENSIONS, Dim, Reading, readings

# Each word with several meanings (B: bytes or billion) doubles the readings tried; beyond this many such
# words the rest keep their usual meaning, so the work stays bounded.
MAX_AMBIGUOUS = 6
Pair = tuple[Value, Dim]


@dataclass(frozen=True)
class Quantity:
    """An answer as a value in base units (B, FLOP, FLOP/s, s, or a plain number) with its dimension.

    `shown` is the unit the answer was written in where it is one (`GiB`, `TFLOP/s`); `bare` means no unit
    word (magnitude words such as million or 万 are fine), so the question's display unit applies; a range
    keeps `low` and `high` and its `value` is their geometric midpoint.
    """

    value: float
    dim: Dim
    shown: str | None = None
    bare: bool = False
    low: float | None = None
    high: float | None = None
    readings: tuple[tuple[str, str], ...] = ()

    @property
    def spread(self) -> float:
        """high / low for a range (infinite when the low end is not positive), 1 otherwise."""
        if self.low is None or self.high is None:
            return 1.0
        return self.high / self.low if self.low > 0 else math.inf


def _dim(exponents: Iterable[int]) -> Dim:
    """A dimension from its exponents of (byte, FLOP, second)."""
    byte, flop, second = exponents
    return byte, flop, second


def _named(dim: Dim) -> Both:
    """A dimension's name in both languages, for a message shown in either."""
    return Both(describe(dim), describe(dim, "zh"))


def _add(a: Pair, b: Pair, op: str) -> Pair:
    if a[1] != b[1]:
        raise ExprError(Said("expr.cannot_add" if op == "+" else "expr.cannot_subtract",
                             {"b": _named(b[1]), "a": _named(a[1])}))
    return finite(a[0] + b[0] if op == "+" else a[0] - b[0]), a[1]


class _Evaluator:
    def __init__(self, choice: dict[int, Reading]) -> None:
        self.choice = choice

    def pair(self, node: Node) -> Pair:
        if isinstance(node, Num):
            return finite(node.value), NONE
        if isinstance(node, Unit):
            r = self.choice[id(node)]
            return r.factor, DIMENSIONS[r.dimension]
        if isinstance(node, Attach):
            return self.binary("*", self.pair(node.value), self.pair(node.unit))
        if isinstance(node, Unary):
            v, d = self.pair(node.operand)
            return (-v if node.op == "-" else v), d
        if isinstance(node, Binary):
            return self.binary(node.op, self.pair(node.left), self.pair(node.right))
        if isinstance(node, Call):
            return self.call(node.func, [self.pair(a) for a in node.args])
        if isinstance(node, Name):
            raise ExprError(Said("expr.unknown_word_anywhere", {"word": node.id}))
        raise ExprError(Said("expr.range_whole"))

    def binary(self, op: str, a: Pair, b: Pair) -> Pair:
        if op in "+-":
            return _add(a, b, op)
        if op == "*":
            return finite(a[0] * b[0]), _dim(x + y for x, y in zip(a[1], b[1]))
        if op == "/":
            if b[0] == 0:
                raise ExprError(Said("expr.division_by_zero"))
            return finite(a[0] / b[0]), _dim(x - y for x, y in zip(a[1], b[1]))
        if b[1] != NONE:
            raise ExprError(Said("expr.exponent_unit"))
        if a[1] != NONE:
            n = b[0]
            if not (isinstance(n, Fraction) and n.denominator == 1 and abs(n) <= 4):
                raise ExprError(Said("expr.unit_power"))
            return power(a[0], n), _dim(x * int(n) for x in a[1])
        return power(a[0], b[0]), NONE

    def call(self, func: str, args: list[Pair]) -> Pair:
        dims = {d for _, d in args}
        values = [v for v, _ in args]
        if func in ("min", "max", "ceil", "floor"):
            if len(dims) > 1:
                raise ExprError(Said("expr.func_mixed", {"func": func}))
            return call(func, values), args[0][1]
        dim = args[0][1]
        if func == "sqrt" and all(x % 2 == 0 for x in dim):
            return call(func, values), _dim(x // 2 for x in dim)
        if dim != NONE:
            raise ExprError(Said("expr.func_of", {"func": func, "what": _named(dim)}))
        return call(func, values), NONE


def _with_unit(bare: Node, other: Node) -> Node:
    """`17` in `17-18 GB` takes the unit written on the other end."""
    if isinstance(other, Attach) and not units_in(bare):
        return Attach(bare, other.unit)
    return bare


def _evaluate(node: Node, ev: _Evaluator) -> tuple[Pair, float | None, float | None]:
    if not isinstance(node, Range):
        return ev.pair(node), None, None
    low_node, high_node = _with_unit(node.low, node.high), _with_unit(node.high, node.low)
    (a, da), (b, db) = ev.pair(low_node), ev.pair(high_node)
    if node.op == "-" and (da != db or a >= b):
        # Not a range after all: `100-20 GB` is 80 GB, like `100 GB - 20 GB`.
        return ev.pair(Binary("-", low_node, high_node)), None, None
    if da != db:
        raise ExprError(Said("expr.range_ends", {"a": _named(da), "b": _named(db)}))
    if node.op == "±":
        a, b = a - b, a + b
    low, high = float(min(a, b)), float(max(a, b))
    mid = math.sqrt(low * high) if low > 0 else (low + high) / 2
    return (mid, da), low, high


def _shown(node: Node, choice: dict[int, Reading]) -> str | None:
    """The unit an answer was written in, when its last quantity names one (`GiB`, `TFLOP/s`)."""
    if isinstance(node, Range):
        node = node.high
    if not isinstance(node, Attach):
        return None
    parts = []
    for n in units_in(node.unit):
        r = choice[id(n)]
        if r.kind == "unit":
            parts.append(r.meaning)
    text = "/".join(parts) if len(parts) == 2 and "/" in _ops(node.unit) else " ".join(parts)
    return text or None


def _ops(node: Node) -> str:
    return node.op + _ops(node.left) + _ops(node.right) if isinstance(node, Binary) else ""


def _no_range(node: Node) -> Node:
    if isinstance(node, Range):
        if node.op != "-":
            raise ExprError(Said("expr.range_calc"))
        return Binary("-", node.low, node.high)
    return node


def _ordered(options: tuple[Reading, ...], following: str | None) -> tuple[Reading, ...]:
    """A word's readings, the magnitude first when a counted noun follows (`7B params` is 7 billion)."""
    nouns = readings(following) if following else ()
    if nouns and all(r.kind == "noun" for r in nouns):
        return tuple(sorted(options, key=lambda r: r.kind != "magnitude"))
    return options


def read_quantity(text: str, want: Dim | None = None, ranges: bool = True) -> Quantity:
    """Parse and evaluate an answer; words with several meanings take the one that gives `want`.

    Without `want` the first reading with a familiar dimension wins. Without `ranges` (a calculator),
    `2-7` is -5 rather than a range. Raises ExprError when the text cannot be read or computed.
    """
    node = parse_answer(text) if ranges else _no_range(parse_answer(text))
    words = units_in(node)
    options = [_ordered(readings(u.word), words[i + 1].word if i + 1 < len(words) else None)
               for i, u in enumerate(words)]
    ambiguous = [i for i, opts in enumerate(options) if len(opts) > 1][:MAX_AMBIGUOUS]
    first: tuple[dict[int, Reading], tuple[Pair, float | None, float | None]] | None = None
    error: ExprError | None = None
    for combo in itertools.product(*(options[i] for i in ambiguous)):
        picked = dict(zip(ambiguous, combo))
        choice = {id(u): picked.get(i, options[i][0]) for i, u in enumerate(words)}
        try:
            result = _evaluate(node, _Evaluator(choice))
        except ExprError as exc:
            error = error or exc
            continue
        dim = result[0][1]
        if (want is not None and dim == want) or (want is None and dim in KNOWN):
            first = (choice, result)
            break
        # Failing `want`, a plain number (read in the question's unit) beats the usual meanings.
        if first is None or (dim == NONE and first[1][0][1] != NONE):
            first = (choice, result)
    if first is None:
        assert error is not None
        raise error
    choice, ((value, dim), low, high) = first
    bare = all(choice[id(u)].kind != "unit" for u in words)
    notes = tuple((u.word, choice[id(u)].meaning) for i, u in enumerate(words) if i in ambiguous)
    return Quantity(float(value), dim, _shown(node, choice), bare, low, high, notes)


__all__ = ["Quantity", "read_quantity", "unit_of"]
