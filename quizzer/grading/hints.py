"""Why a numeric answer is off: the question's own common mistakes first, then recognisable factors."""

from __future__ import annotations

import math
from dataclasses import dataclass

from quizzer.grading.dims import BYTES, FLOP, NONE, RATE, TIME
from quizzer.models import Lang, Text, Tolerance
from quizzer.units import Dim

_ANY = None


@dataclass(frozen=True)
class Factor:
    """A factor people slip by, the dimensions where it means something, and what it usually means."""

    size: float
    dims: frozenset[Dim] | None
    text: Text


def _f(size: float, dims: tuple[Dim, ...] | None, zh: str, en: str) -> Factor:
    return Factor(size, frozenset(dims) if dims is not None else None, Text(zh=zh, en=en))


_COMPUTE = (FLOP, RATE, TIME)
# For each size, the entries are ordered specific first: the first one whose dimensions fit is used.
FACTORS: tuple[Factor, ...] = (
    _f(2, (BYTES,), "差了 2 倍：K 和 V 是不是都算了？fp16/bf16 每个数 2 字节，fp32 是 4 字节。",
       "Off by 2: are both K and V counted? fp16/bf16 is 2 bytes per value, fp32 is 4."),
    _f(2, _COMPUTE, "差了 2 倍：一次乘加是 2 个 FLOP。", "Off by 2: one multiply-add is 2 FLOPs."),
    _f(2, _ANY, "差了 2 倍：检查每个 ×2（K 和 V、每个数的字节数、乘加算 2 个 FLOP）。",
       "Off by 2: check each factor of 2 (K and V, bytes per value, 2 FLOPs per multiply-add)."),
    _f(8, (BYTES, NONE), "差了 8 倍：比特和字节混了（1 字节 = 8 比特）。",
       "Off by 8: bits versus bytes (1 byte = 8 bits)."),
    _f(4, (BYTES,), "差了 4 倍：fp32 每个数 4 字节、int8 是 1 字节？",
       "Off by 4: fp32 is 4 bytes per value, int8 is 1?"),
    _f(3, _COMPUTE, "差了 3 倍：前向每 token 2N FLOP，训练（前向 + 反向）6N。",
       "Off by 3: 2N FLOPs per token for a forward pass versus 6N for training (forward + backward)."),
    _f(6, _COMPUTE, "差了 6 倍：训练计算量 C ≈ 6ND（乘加 2 × 前向加反向 3）。",
       "Off by 6: training compute is C ≈ 6ND (2 per multiply-add × 3 for forward and backward)."),
    _f(1.024, (BYTES,), "KB（1000）和 KiB（1024）混了。", "KB (1000 bytes) versus KiB (1024 bytes)."),
    _f(1.024**2, (BYTES,), "MB（10^6）和 MiB（2^20）混了。", "MB (10^6 bytes) versus MiB (2^20 bytes)."),
    _f(1.024**3, (BYTES,), "GB（10^9）和 GiB（2^30）混了，差 7.4%。",
       "GB (10^9 bytes) versus GiB (2^30 bytes): 7.4% apart."),
    _f(1.024**4, (BYTES,), "TB（10^12）和 TiB（2^40）混了，差 10%。",
       "TB (10^12 bytes) versus TiB (2^40 bytes): 10% apart."),
    _f(1024, (BYTES,), "差了 1024 倍：二进制前缀差一级（KiB→MiB→GiB）。",
       "Off by 1024: one binary prefix step (KiB, MiB, GiB)."),
    _f(1024**2, (BYTES,), "差了 1024² 倍：二进制前缀差两级。", "Off by 1024²: two binary prefix steps."),
    _f(1024**3, (BYTES,), "差了 1024³ 倍：二进制前缀差三级。", "Off by 1024³: three binary prefix steps."),
    _f(1000, _ANY, "差了 1000 倍：单位前缀差一级（k、M、G、T）？", "Off by 1000: one prefix step (k, M, G, T)?"),
    _f(1e6, _ANY, "差了 10^6 倍：单位前缀差两级（如 MB 和 TB）？", "Off by 10^6: two prefix steps (MB versus TB)?"),
    _f(1e9, _ANY, "差了 10^9 倍：billion（B）和个数混了？", "Off by 10^9: billions (B) versus plain counts?"),
    _f(24, (TIME,), "差了 24 倍：小时和天混了。", "Off by 24: hours versus days."),
    _f(60, (TIME,), "差了 60 倍：秒和分钟、或分钟和小时混了。",
       "Off by 60: seconds versus minutes, or minutes versus hours."),
    _f(7, (TIME,), "差了 7 倍：天和周混了。", "Off by 7: days versus weeks."),
    _f(3600, (TIME,), "差了 3600 倍：秒和小时混了。", "Off by 3600: seconds versus hours."),
    _f(86400, (TIME,), "差了 86400 倍：秒和天混了。", "Off by 86400: seconds versus days."),
    _f(1440, (TIME,), "差了 1440 倍：分钟和天混了。", "Off by 1440: minutes versus days."),
    _f(365.25, (TIME,), "差了 365 倍：天和年混了。", "Off by 365: days versus years."),
    _f(30.44, (TIME,), "差了约 30 倍：天和月混了。", "Off by about 30: days versus months."),
    _f(12, (TIME,), "差了 12 倍：月和年混了。", "Off by 12: months versus years."),
    _f(100, (NONE,), "差了 100 倍：百分数和小数混了（27.3% = 0.273）。",
       "Off by 100: percent versus fraction (27.3% = 0.273)."),
)


def within(tolerance: Tolerance, value: float, expected: float) -> bool:
    """Whether `value` is close enough to `expected` under the question's tolerance."""
    if expected == 0:
        return value == 0
    if tolerance.kind == "rel":
        return abs(value - expected) <= tolerance.value * abs(expected) * (1 + 1e-9)
    if value == 0 or (value > 0) != (expected > 0):
        return False
    return max(value / expected, expected / value) <= tolerance.value * (1 + 1e-9)


def _slack(tolerance: Tolerance) -> float:
    # How near a ratio must be to a factor to be blamed on it: the question's own precision, within reason.
    return min(max(tolerance.value, 0.02), 0.1) if tolerance.kind == "rel" else 0.05


def factor_hint(ratio: float, dim: Dim, tolerance: Tolerance, lang: Lang) -> str | None:
    """The explanation of a recognisable factor between an answer and the expected value, if any."""
    if not math.isfinite(ratio) or ratio <= 0:
        return None
    off = abs(math.log(ratio))
    slack = math.log1p(_slack(tolerance))
    best: tuple[float, Factor] | None = None
    for f in FACTORS:
        # Near factors (1.024) need a near match, or every slightly imprecise answer would get their hint;
        # of the factors that match (1000 and 1024 both do for 999), the nearest explains the answer.
        miss = abs(off - math.log(f.size))
        fits = (f.dims is None or dim in f.dims) and miss <= min(slack, math.log(f.size) / 8)
        if fits and (best is None or miss < best[0] - 1e-12):
            best = (miss, f)
    if best is not None:
        return best[1].text.get(lang)
    k = round(math.log10(ratio))
    if k != 0 and abs(math.log10(ratio) - k) <= 0.05:
        if lang == "zh":
            return f"差了 10^{abs(k)} 倍（数量级{'偏大' if k > 0 else '偏小'}）：检查指数和单位前缀。"
        return f"Off by 10^{abs(k)} ({'too large' if k > 0 else 'too small'}): check the exponents and unit prefixes."
    return None


def mistake_hint(value: float, mistakes: tuple[tuple[float, Text], ...], tolerance: Tolerance,
                 lang: Lang) -> str | None:
    """The hint of the first common mistake whose value the answer matches."""
    rel = Tolerance("rel", _slack(tolerance)) if tolerance.kind == "factor" else tolerance
    for wrong, hint in mistakes:
        if wrong != 0 and within(rel, value, wrong):
            return hint.get(lang)
    return None
