"""The words and symbols of free-form answers that are not numbers or units: hedges, ranges, Chinese numerals."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

# Said before or after an estimate and ignored: "about 14 GB", "约 14GB 左右".
HEDGES = frozenset({
    "about", "approx", "approximately", "roughly", "around", "circa", "nearly", "almost", "est",
    "约", "大约", "大概", "左右", "差不多", "大致", "约为", "上下", "将近", "接近", "近", "估计",
})
# Words that join the two ends of a range: "17 to 18 GB", "17到18GB".
RANGE_WORDS = frozenset({"to", "到", "至"})
# Words that carry no value in an answer sentence: "14 GB of memory", "总共 14GB".
FILLERS = frozenset({"of", "in", "is", "total", "answer", "的", "为", "是", "总共", "一共", "共", "答", "需要", "要"})
# Said after a ratio and ignored there: "2x faster", "5900x fewer dot products", "3 times as large".
COMPARATIVES = frozenset({
    "faster", "slower", "fewer", "less", "more", "smaller", "larger", "bigger", "higher", "lower", "cheaper",
    "speedup", "reduction", "improvement", "as", "large", "much", "many", "dot", "products", "operations", "ops",
})
CJK_WORDS = sorted((w for w in HEDGES | RANGE_WORDS | FILLERS if not w.isascii()), key=len, reverse=True)

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPER_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
# Characters NFKC leaves alone that people type for the same thing.
_SAME = str.maketrans({"∼": "~", "〜": "~", "⋅": "·", "∙": "·", "•": "·", "—": "–", "－": "-", "﹣": "-",
                       "‐": "-", "‑": "-", "。": ".", "！": "!", "？": "?"})


def normalize(text: str) -> str:
    """Fold full-width forms and look-alikes to the characters the tokenizer knows; `10¹⁰` becomes `10^(10)`."""
    text = _SUPER_RUN.sub(lambda m: "^(" + m.group().translate(_SUPERSCRIPTS) + ")", text)
    # NFKC turns full-width digits, letters, brackets and `％` into ASCII, and `µ` into `μ`.
    return unicodedata.normalize("NFKC", text).translate(_SAME)


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
NUMERAL_START = frozenset(_DIGITS) | {"十"}
_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿]+")


def _section(text: str) -> int:
    """A number below 10,000 written with 十百千: 三千零五 -> 3005, 十五 -> 15."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
    return total + (digit or 0)


def _integer(text: str) -> int:
    """A whole Chinese numeral: 七十亿 -> 7e9, 一千二百万 -> 12,000,000, 三万亿 -> 3e12."""
    total, wan, current = 0, 0, ""
    for ch in text:
        if ch == "亿":
            total = (total + wan + _section(current)) * 10**8
            wan, current = 0, ""
        elif ch == "万":
            wan = (wan + _section(current)) * 10**4
            current = ""
        else:
            current += ch
    return total + wan + _section(current)


def chinese_number(text: str, start: int) -> tuple[Fraction, int] | None:
    """The numeral that starts at `start` (七十亿, 一点五) and where it ends, or None."""
    m = _RUN.match(text, start)
    if not m or text[start] not in NUMERAL_START:
        return None
    whole = m.group()
    end = m.end()
    if text.startswith("点", end):
        # 一点五 is 1.5; digits after 点 are read one by one, and a magnitude after them (一点五亿) is left
        # for the tokenizer, which reads it as a unit word.
        digits = re.match("[零〇一二两三四五六七八九]+", text[end + 1:])
        if digits:
            decimals = "".join(str(_DIGITS[ch]) for ch in digits.group())
            return Fraction(_integer(whole)) + Fraction(f"0.{decimals}"), end + 1 + digits.end()
    # Trailing magnitude characters belong to the numeral itself here (七十亿 is one number).
    return Fraction(_integer(whole)), end
