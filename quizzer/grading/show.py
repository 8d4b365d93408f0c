"""Quantities written for people: in a given unit, or in the most sensible one (`4.29 GB (4.00 GiB)`)."""

from __future__ import annotations

import math

from quizzer.errors import ExprError
from quizzer.grading.dims import BANDWIDTH, BYTES, FLOP, INTENSITY, NONE, RATE, TIME, describe, unit_of
from quizzer.units import UNITS, Dim, format_number, format_value, zh_count

_DECIMAL = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
_BINARY = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
_PREFIX = ["", "k", "M", "G", "T", "P", "E", "Z"]
_TIMES = [("µs", 1e-6), ("ms", 1e-3), ("s", 1.0), ("min", 60.0), ("h", 3600.0), ("days", 86400.0),
          ("years", 365.25 * 86400)]
_WORDS = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]


def digits3(x: float) -> str:
    """Three significant digits, keeping trailing zeros (`4.00`, `12.3`, `429`, `1,026`, `3.15e23`)."""
    if x == 0:
        return "0"
    if 1e-3 <= abs(x) < 1e6:
        return f"{x:,.0f}" if abs(x) >= 999.5 else f"{x:#.3g}".rstrip(".")
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def in_unit(value: float, unit: str, dim: Dim | None = None, lang: str = "en") -> str:
    """`value` (base units) written in `unit`: a display unit of the banks, else the base unit of `dim`."""
    if unit in UNITS:
        return format_value(value, unit, lang)
    base = unit_of(dim) if dim is not None else ""
    return f"{format_number(value)} {base}".strip()


def _scaled(value: float, step: float, names: list[str]) -> tuple[float, str]:
    k = 0
    while k + 1 < len(names) and abs(value) >= step ** (k + 1) * 0.9995:
        k += 1
    return value / step**k, names[k]


def _plain(value: float, lang: str = "en") -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        text = f"{int(value):,}"
        if lang == "zh":
            return f"{text}（{zh_count(value)}）" if abs(value) >= 1e4 else text
        for size, word in _WORDS:
            if abs(value) >= size:
                return f"{text} ({digits3(value / size)} {word})"
        return text
    return f"{value:.4g}".replace("e+", "e").replace("e0", "e").replace("e-0", "e-")


def auto(value: float, dim: Dim, lang: str = "en") -> str:
    """The most readable way to write a quantity: `4.29 GB (4.00 GiB)`, `39.0 days (3.37e6 s)`."""
    if dim == BYTES:
        shown, name = _scaled(value, 1000.0, _DECIMAL)
        if abs(value) < 1024:
            return f"{int(value)} B" if float(value).is_integer() else f"{digits3(shown)} {name}"
        binary, bname = _scaled(value, 1024.0, _BINARY)
        return f"{digits3(shown)} {name} ({digits3(binary)} {bname})"
    if dim == FLOP and abs(value) >= 1e18:
        return f"{digits3(value)} FLOP ({digits3(value / 8.64e19)} PF-days)"
    if dim in (FLOP, RATE, BANDWIDTH):
        shown, prefix = _scaled(value, 1000.0, _PREFIX)
        base = {FLOP: "FLOP", RATE: "FLOP/s", BANDWIDTH: "B/s"}[dim]
        return f"{digits3(shown)} {prefix}{'B/s' if dim == BANDWIDTH and prefix else base}".replace("kB/s", "KB/s")
    if dim == TIME:
        name, size = _TIMES[0]
        for candidate, candidate_size in _TIMES:
            if abs(value) >= candidate_size * 0.9995:
                name, size = candidate, candidate_size
        text = f"{digits3(value / size)} {name}"
        return text if name == "s" else f"{text} ({digits3(value)} s)"
    if dim == NONE:
        return _plain(value, lang)
    if dim == INTENSITY:
        return f"{digits3(value)} FLOP/B"
    return f"{digits3(value)} {unit_of(dim)}"


def convert(value: float, dim: Dim, target: str) -> str:
    """`value` written in the unit `target` (`GiB`, `PF-days`, `%`), or ExprError if it measures something else."""
    from quizzer.grading.quantity import read_quantity

    unit = read_quantity(f"1 {target}", want=dim)
    if unit.dim != dim or unit.value <= 0 or math.isinf(unit.value):
        raise ExprError(f"cannot write {describe(dim)} in {target}")
    shown = value / unit.value
    return f"{digits3(shown)}{'' if target in ('%', '‰') else ' '}{target}"
