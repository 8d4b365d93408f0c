"""Dimensions of answers as exponents of (byte, FLOP, second): their names in messages and their base units."""

from __future__ import annotations

from quizzer.models import Lang
from quizzer.units import DIMENSIONS, UNITS, Dim

NONE: Dim = (0, 0, 0)
BYTES, FLOP, RATE, TIME = DIMENSIONS["bytes"], DIMENSIONS["flop"], DIMENSIONS["flop/s"], DIMENSIONS["time"]
BANDWIDTH: Dim = (1, 0, -1)
INTENSITY: Dim = (-1, 1, 0)

_NAMES: dict[Dim, tuple[str, str, str]] = {
    # dimension: (English, Chinese, base unit)
    BYTES: ("a size in bytes", "字节数", "B"),
    FLOP: ("an amount of compute", "计算量", "FLOP"),
    RATE: ("a compute rate", "算力", "FLOP/s"),
    TIME: ("a time", "时间", "s"),
    NONE: ("a plain number", "纯数字", ""),
    BANDWIDTH: ("a bandwidth", "带宽", "B/s"),
    INTENSITY: ("FLOP per byte", "每字节 FLOP", "FLOP/B"),
}
KNOWN = frozenset(_NAMES)


def unit_of(dim: Dim) -> str:
    """The base unit written out: `B`, `FLOP/s`, `B^2` ('' for a plain number)."""
    if dim in _NAMES:
        return _NAMES[dim][2]
    up: list[str] = []
    down: list[str] = []
    for name, exp in zip(("B", "FLOP", "s"), dim):
        if exp:
            (up if exp > 0 else down).append(name if abs(exp) == 1 else f"{name}^{abs(exp)}")
    top = "·".join(up) or "1"
    return top + ("/" + "/".join(down) if down else "")


def describe(dim: Dim, lang: Lang = "en") -> str:
    """What a quantity of this dimension is, for messages: `a time`, `字节数（大小）`."""
    if dim in _NAMES:
        return _NAMES[dim][1 if lang == "zh" else 0]
    return ("单位为 " if lang == "zh" else "something in ") + unit_of(dim)


def of_unit(name: str) -> Dim:
    """The dimension of a display or base unit of the banks (`GB`, `count`, `FLOP/s`)."""
    return DIMENSIONS[UNITS[name].dimension]
