"""Units: the display units banks name, and every spelling a person may type after a number."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


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


# Exponents of (byte, FLOP, second) for each dimension name; counts and ratios are both pure numbers.
Dim = tuple[int, int, int]
DIMENSIONS: dict[str, Dim] = {"bytes": (1, 0, 0), "flop": (0, 1, 0), "flop/s": (0, 1, -1), "time": (0, 0, 1),
                              "count": (0, 0, 0), "ratio": (0, 0, 0)}
BASE_OF: dict[str, str] = {"B": "bytes", "bit": "bytes", "FLOP": "flop", "FLOP/s": "flop/s", "s": "time",
                           "count": "count", "ratio": "ratio"}


def lookup(name: str) -> Unit | None:
    """The unit called `name`, or None."""
    return UNITS.get(name)


def unit_dim(name: str) -> Dim:
    """The dimension vector of a display or base unit."""
    return DIMENSIONS[UNITS[name].dimension]


def format_number(shown: float) -> str:
    """Three significant digits, no exponent between 0.001 and a million (`4.29`, `1,026`, `3.15e23`)."""
    if shown == 0:
        return "0"
    if 1e-3 <= abs(shown) < 1e6:
        return f"{shown:,.0f}" if abs(shown) >= 100 else f"{shown:.3g}"
    text = f"{shown:.3g}"
    if "e" not in text:  # 0.000999999 rounds up to 0.001
        return text
    mantissa, exponent = text.split("e")
    return f"{mantissa}e{int(exponent)}"


# Chinese counts go by myriads: 万 (10^4), 亿 (10^8), 万亿 (10^12), not by thousands.
_ZH_COUNTS = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def zh_count(value: float) -> str:
    """A count as Chinese writes it: `70亿`, `1750亿`, `3.5万` (three significant digits, no trailing zeros)."""
    for size, word in _ZH_COUNTS:
        if abs(value) >= size * 0.9995:
            shown = value / size
            return (f"{shown:.0f}" if abs(shown) >= 99.95 else f"{shown:.3g}") + word
    return f"{value:g}"


def format_value(value: float, unit: str, lang: str = "en") -> str:
    """A value given in base units, written in `unit` (`4.29 GB`, `38.9 day`, `27.3%`; in Chinese a count in
    millions or billions is written in 万/亿: `1750亿`, not `175 billion`)."""
    if lang == "zh" and UNITS[unit].dimension == "count" and UNITS[unit].factor >= 1e3:
        return zh_count(value)
    text = format_number(value / UNITS[unit].factor)
    if unit in ("count", "ratio"):
        return text
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}"


@dataclass(frozen=True)
class Reading:
    """One meaning of a word typed after a number: `factor` base units of `dimension`.

    `kind` is "unit" (names a dimension), "magnitude" (a pure scale such as million or 万) or "noun"
    (a word that only says what is counted, such as tokens or 显存, worth 1).
    """

    meaning: str
    dimension: str
    factor: Fraction
    kind: str = "unit"


RATIO_MARK = "×"
_EXACT: dict[str, tuple[Reading, ...]] = {}  # spellings whose case matters (B byte, b bit, M million)
_FOLDED: dict[str, tuple[Reading, ...]] = {}  # longer words, matched in any case (Bytes, MILLION)
_SI = {"k": 3, "K": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18, "Z": 21, "Y": 24}
_SI_WORDS = {"kilo": 3, "mega": 6, "giga": 9, "tera": 12, "peta": 15, "exa": 18, "zetta": 21}
_BIN = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
_DAY = Fraction(86400)
_SECOND_UNITS: list[tuple[str, Fraction, str]] = [
    ("ns", Fraction(1, 10**9), "ns nsec nanosecond nanoseconds"),
    ("µs", Fraction(1, 10**6), "us µs μs microsecond microseconds 微秒"),
    ("ms", Fraction(1, 1000), "ms msec msecs millisecond milliseconds 毫秒"),
    ("s", Fraction(1), "s sec secs second seconds 秒 秒钟"), ("min", Fraction(60), "min mins minute minutes 分钟 分"),
    ("h", Fraction(3600), "h hr hrs hour hours 小时 个小时 钟头 GPU-hour GPU-hours GPU-hr 卡时"),
    ("day", _DAY, "d day days 天 日 GPU-day GPU-days"), ("week", 7 * _DAY, "wk wks week weeks 周 星期 个星期"),
    ("month", Fraction("30.44") * _DAY, "mo month months 月 个月"),
    ("year", Fraction("365.25") * _DAY, "y yr yrs year years 年"),
]
_MAGNITUDES: list[tuple[str, int, str]] = [
    ("thousand", 3, "thousand thousands 千"), ("万", 4, "万 w"), ("100 thousand", 5, "十万"),
    ("million", 6, "million millions mil mln 百万"), ("10 million", 7, "千万"), ("100 million", 8, "亿"),
    ("billion", 9, "billion billions bn 十亿"), ("10 billion", 10, "百亿"), ("100 billion", 11, "千亿"),
    ("trillion", 12, "trillion trillions tn 万亿"), ("quadrillion", 15, "quadrillion"),
]
_NOUNS = ("token tokens tok toks tokens/s token/s tok/s tokens/sec param params parameter parameters weights "
          "GPU GPUs gpu gpus card cards device devices request requests req reqs sequence sequences seq seqs "
          "sample samples example examples element elements pair pairs step steps memory VRAM vram HBM RAM "
          "count counts ratio 个 张 块 条 台 卡 张卡 块卡 参数 参数量 个参数 显存 内存 权重 样本 步 对 次")


def _put(spelling: str, *readings: Reading, exact: bool = False) -> None:
    # Spellings of four or more characters are matched in any case (Bytes, MILLION, gpu-hours); short
    # ones (B/b, M/m, Gb/GB) and the FLOP family (FLOPs is a count, FLOPS a rate) keep their case.
    folded = not exact and len(spelling) >= 4 and spelling.isascii()
    table, key = (_FOLDED, spelling.lower()) if folded else (_EXACT, spelling)
    have = table.get(key, ())
    seen = {(r.dimension, r.factor) for r in have}
    table[key] = have + tuple(r for r in readings if (r.dimension, r.factor) not in seen)


def _build() -> None:
    byte, bit, flop = Reading("B", "bytes", Fraction(1)), Reading("bit", "bytes", Fraction(1, 8)), "flop"
    for s in ("B", "byte", "bytes", "Byte", "Bytes", "字节"):
        _put(s, byte)
    for s in ("b", "bit", "bits", "比特"):
        _put(s, bit)
    for p, e in _SI.items():
        size = Fraction(10) ** e
        big = "k" if p == "k" else p.upper()
        bytes_p, flop_p = Reading(f"{big}B", "bytes", size), Reading(f"{big}FLOP", flop, size)
        rate_p = Reading(f"{big}FLOP/s", "flop/s", size)
        _put(p + "B", bytes_p)
        _put(p + "Bs", bytes_p)
        _put(p.lower() + "b", bytes_p)  # casual lower case: 14gb is 14 GB, while 14 Gb is gigabits
        if p != "k":
            _put(p + "b", Reading(f"{big}bit", "bytes", size / 8))
        _put(p + "bit", Reading(f"{big}bit", "bytes", size / 8), exact=True)
        for form in ("FLOP", "FLOPs", "flop", "Flop"):
            _put(p + form, flop_p, exact=True)
        _put(p + "FLOPS", rate_p, exact=True)
        for form in ("flops", "Flops"):
            _put(p + form, flop_p, rate_p, exact=True)
        _put(p.lower() + "flop", flop_p, exact=True)
        _put(p.lower() + "flops", flop_p, rate_p, exact=True)
        if p in "GTPE":
            _put(p + "F", rate_p, flop_p)
    for word, e in _SI_WORDS.items():
        size = Fraction(10) ** e
        big = word[0].upper() if word != "kilo" else "k"
        _put(word + "byte", Reading(f"{big}B", "bytes", size))
        _put(word + "bytes", Reading(f"{big}B", "bytes", size))
        _put(word + "flop", Reading(f"{big}FLOP", flop, size))
        _put(word + "flops", Reading(f"{big}FLOP/s", "flop/s", size), Reading(f"{big}FLOP", flop, size))
    for p, e in _BIN.items():
        _put(p + "B", Reading(p + "B", "bytes", Fraction(2) ** e))
        _put(p.lower() + "b", Reading(p + "B", "bytes", Fraction(2) ** e))
        _put(p, Reading(p + "B", "bytes", Fraction(2) ** e))
    for s in ("FLOP", "FLOPs", "flop", "Flop"):
        _put(s, Reading("FLOP", flop, Fraction(1)), exact=True)
    _put("FLOPS", Reading("FLOP/s", "flop/s", Fraction(1)), exact=True)
    for s in ("flops", "Flops"):
        _put(s, Reading("FLOP", flop, Fraction(1)), Reading("FLOP/s", "flop/s", Fraction(1)), exact=True)
    for s in ("PF-day", "PF-days", "pf-day", "pf-days", "PFLOP/s-day", "PFLOP/s-days", "petaflop-day", "petaflop-days",
              "petaflop/s-day", "petaflop/s-days"):
        _put(s, Reading("PF-day", flop, 10**15 * _DAY))
    for name, factor, spellings in _SECOND_UNITS:
        for s in spellings.split():
            _put(s, Reading(name, "time", factor))
    for name, e, spellings in _MAGNITUDES:
        for s in spellings.split():
            _put(s, Reading(name, "count", Fraction(10) ** e, "magnitude"))
    # A lone prefix letter is a magnitude in a count (7B params, 2T tokens) and takes the question's unit
    # otherwise (14G -> 14 GB, 26T -> 26 TFLOP); B alone is bytes first, as the contract says.
    _put("k", Reading("thousand", "count", Fraction(1000), "magnitude"), Reading("KB", "bytes", Fraction(1000)))
    _put("K", Reading("thousand", "count", Fraction(1000), "magnitude"), Reading("KB", "bytes", Fraction(1000)))
    for p, word in (("M", "million"), ("G", "billion"), ("T", "trillion")):
        size = Fraction(10) ** _SI[p]
        alone = (Reading(word, "count", size, "magnitude"), Reading(f"{p}B", "bytes", size),
                 Reading(f"{p}FLOP", flop, size), Reading(f"{p}FLOP/s", "flop/s", size))
        _put(p, *(alone[1:2] + alone[:1] + alone[2:] if p == "G" else alone))
    _put("P", Reading("PB", "bytes", Fraction(10) ** 15), Reading("PFLOP", flop, Fraction(10) ** 15),
         Reading("PFLOP/s", "flop/s", Fraction(10) ** 15))
    _put("B", Reading("billion", "count", Fraction(10) ** 9, "magnitude"))
    for s in ("%", "percent", "pct"):
        _put(s, Reading("%", "ratio", Fraction(1, 100)))
    _put("‰", Reading("‰", "ratio", Fraction(1, 1000)))
    # Ratio marks (1.9x, 2 times, 2-fold, 2倍): a plain number said to be a ratio. The tokenizer turns an `x` or
    # `×` that marks a ratio (not one that multiplies) into RATIO_MARK.
    for s in (RATIO_MARK, "times", "fold", "倍", "倍数"):
        _put(s, Reading(RATIO_MARK, "ratio", Fraction(1)))
    for s in _NOUNS.split():
        _put(s, Reading(s, "count", Fraction(1), "noun"))


_build()
WORDS: frozenset[str] = frozenset(_EXACT) | frozenset(_FOLDED)


def readings(word: str) -> tuple[Reading, ...]:
    """Every meaning of `word` after a number, the usual one first; () for a word that is not a unit."""
    return _EXACT.get(word) or _FOLDED.get(word.lower(), ())


def spellings() -> list[str]:
    """Every spelling the tokenizer should recognise, longest first (so `GPU-hours` beats `GPU`)."""
    return sorted(WORDS, key=len, reverse=True)


def closest(word: str) -> str | None:
    """The known spelling nearest to an unknown word, for "did you mean" messages."""
    import difflib

    folded: dict[str, str] = {}
    for w in sorted(WORDS):
        folded.setdefault(w.lower(), w)  # "GiB" sorts before "gib", so the usual spelling is suggested
    if word.lower() in folded:
        return folded[word.lower()]
    match = difflib.get_close_matches(word, sorted(WORDS), n=1, cutoff=0.6)
    return match[0] if match else None
