"""Units that banks name: each display unit's dimension and size in the dimension's base unit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """A named unit: `factor` base units of `dimension` (bytes, FLOP, FLOP/s, seconds, counts, ratios)."""

    name: str
    dimension: str
    factor: float


DAY = 86400.0
_TABLE: list[tuple[str, str, float]] = [
    ("B", "bytes", 1.0), ("bit", "bytes", 1 / 8),
    ("KB", "bytes", 1e3), ("MB", "bytes", 1e6), ("GB", "bytes", 1e9), ("TB", "bytes", 1e12), ("PB", "bytes", 1e15),
    ("KiB", "bytes", 2.0**10), ("MiB", "bytes", 2.0**20), ("GiB", "bytes", 2.0**30), ("TiB", "bytes", 2.0**40),
    ("PiB", "bytes", 2.0**50),
    ("FLOP", "flop", 1.0), ("GFLOP", "flop", 1e9), ("TFLOP", "flop", 1e12), ("PFLOP", "flop", 1e15),
    ("EFLOP", "flop", 1e18), ("ZFLOP", "flop", 1e21), ("PF-day", "flop", 1e15 * DAY),
    ("FLOP/s", "flop/s", 1.0), ("GFLOP/s", "flop/s", 1e9), ("TFLOP/s", "flop/s", 1e12), ("PFLOP/s", "flop/s", 1e15),
    ("s", "time", 1.0), ("ms", "time", 1e-3), ("min", "time", 60.0), ("h", "time", 3600.0), ("day", "time", DAY),
    ("week", "time", 7 * DAY), ("month", "time", 30.44 * DAY), ("year", "time", 365.25 * DAY),
    ("count", "count", 1.0), ("thousand", "count", 1e3), ("million", "count", 1e6), ("billion", "count", 1e9),
    ("trillion", "count", 1e12),
    ("ratio", "ratio", 1.0), ("%", "ratio", 0.01),
]
UNITS: dict[str, Unit] = {name: Unit(name, dim, factor) for name, dim, factor in _TABLE}

# What a bank's `unit:` may say: the base unit of each dimension (plus bits, which are bytes / 8).
BASE_UNITS = ("B", "bit", "FLOP", "FLOP/s", "s", "count", "ratio")


def lookup(name: str) -> Unit | None:
    """The unit called `name`, or None."""
    return UNITS.get(name)


def format_number(shown: float) -> str:
    """Three significant digits, no exponent between 0.001 and a million (`4.29`, `1,026`, `3.15e23`)."""
    if shown == 0:
        return "0"
    if 1e-3 <= abs(shown) < 1e6:
        return f"{shown:,.0f}" if abs(shown) >= 100 else f"{shown:.3g}"
    mantissa, exponent = f"{shown:.3g}".split("e")
    return f"{mantissa}e{int(exponent)}"


def format_value(value: float, unit: str) -> str:
    """A value given in base units, written in `unit` (`4.29 GB`, `38.9 day`, `27.3%`)."""
    text = format_number(value / UNITS[unit].factor)
    if unit in ("count", "ratio"):
        return text
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}"
