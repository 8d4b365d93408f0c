"""Tokenizer for arithmetic text: numbers, names, operators, parentheses, and in answers units and words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from quizzer.errors import ExprError
from quizzer.expr import words
from quizzer.messages import Said
from quizzer.units import RATIO_MARK, WORDS, readings

MAX_LENGTH = 500
# A literal like 1e999999999 would build a gigantic exact integer; no estimate needs more than this.
MAX_EXPONENT = 400
FUNCTIONS = {"sqrt": 1, "log": 1, "exp": 1, "ceil": 1, "floor": 1, "min": -1, "max": -1}

# `×` and `·` are multiplication and `**` is power, as people write them in interviews.
_OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "/": "/", "÷": "/", "^": "^", "**": "^"}
_EXPONENT = r"(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(r"(?:(?:\d{1,3}(?:_\d{3}(?!\d))+|\d+)(?:\.\d*)?|\.\d+)" + _EXPONENT)
# Thousands separators are only read in answers, outside function calls (where commas separate arguments).
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d*)?" + _EXPONENT)
_NAME = re.compile(r"[A-Za-z_μ][A-Za-z0-9_]*")
_TIMES = re.compile(r"[xX]\s*\d")  # 1.4x10^10
# A ratio mark after a number (1.9x, 2000×, 2-fold) ends the value; one before a number (x2, ×1.9) starts it.
_MARK_AFTER = re.compile(r"(?:[xX×]|-\s*fold)(?![A-Za-z0-9_.(])(?!\s*[\d.(])")
_MARK_BEFORE = re.compile(r"[xX×]\s*(?=[\d.])")


@dataclass(frozen=True)
class Token:
    """One lexical unit; `value` is set for numbers.

    Kinds: num, name, op, (, ), ",", end; in answers also unit (a word of quizzer.units), range (to, –, ±),
    ~ (a hedge before a number, a range between two), ≈ and = (between the steps of a worked answer).
    """

    kind: str
    text: str
    pos: int
    value: Fraction | None = None


def number_value(text: str) -> Fraction:
    """The exact value of a decimal literal such as `1.4e10` or `14,000`."""
    mantissa, _, exponent = text.lower().partition("e")
    if exponent and abs(int(exponent)) > MAX_EXPONENT:
        raise ExprError(f"the number {text!r} is too large")
    return Fraction(mantissa.replace(",", "").replace("_", "") + ("e" + exponent if exponent else ""))


@lru_cache(maxsize=1)
def _compounds() -> re.Pattern[str]:
    # Unit spellings with a `-` or `/` inside (PF-days, GPU-hours, tokens/s) must be matched whole.
    spellings = sorted((w for w in WORDS if w.isascii() and not w.isalnum() and len(w) > 1), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, spellings)) + r")(?![A-Za-z0-9])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cjk_words() -> tuple[int, frozenset[str]]:
    vocab = frozenset(w for w in WORDS if not w.isascii()) | frozenset(words.CJK_WORDS)
    return max(map(len, vocab)), vocab


class _Lexer:
    def __init__(self, text: str, units: bool, steps: bool) -> None:
        self.text, self.units, self.steps = text, units, steps or units
        self.tokens: list[Token] = []
        self.depth = 0
        self.unit_after_number: str | None = None  # 百分之五 is 5%, x2 is 2×: the unit comes first

    def add(self, kind: str, text: str, pos: int, value: Fraction | None = None) -> None:
        self.tokens.append(Token(kind, text, pos, value))
        if kind == "num" and self.unit_after_number:
            self.tokens.append(Token("unit", self.unit_after_number, pos))
            self.unit_after_number = None

    def after_magnitude(self) -> bool:
        """The last token is a word that may scale a plain number (5.9k, 2 million)."""
        return bool(self.tokens) and self.tokens[-1].kind == "unit" and any(
            r.kind == "magnitude" for r in readings(self.tokens[-1].text))

    def after_ratio(self) -> bool:
        """The last token marks a ratio (x, ×, times, fold, 倍)."""
        return bool(self.tokens) and self.tokens[-1].kind == "unit" and any(
            r.meaning == RATIO_MARK for r in readings(self.tokens[-1].text))

    def ratio_mark(self, i: int) -> int:
        """Where a ratio mark at `i` ends (0 when there is none): `x` or `×` after or before a number."""
        if self.after_number() or self.after_magnitude():
            m = _MARK_AFTER.match(self.text, i)
            if m:
                self.add("unit", RATIO_MARK, i)
                return m.end()
            return 0
        if not self.tokens or self.tokens[-1].kind in ("~", "range", "op", "("):
            m = _MARK_BEFORE.match(self.text, i)
            if m:
                self.unit_after_number = RATIO_MARK
                return m.end()
        return 0

    def after_number(self) -> bool:
        return bool(self.tokens) and self.tokens[-1].kind == "num"

    def number(self, i: int) -> int:
        text = self.text
        m = (_GROUPED.match(text, i) if self.units and self.depth == 0 else None) or _NUMBER.match(text, i)
        if m is None:  # a character such as ² that is a digit to str.isdigit but not to the number syntax
            raise ExprError(Said("expr.unexpected_char", {"char": text[i], "position": i + 1}), i)
        end = m.end()
        if end < len(text) and (text[end] == "_" or (self.units and text[end] == "," and self.depth == 0
                                                      and end + 1 < len(text) and text[end + 1].isdigit())):
            run = re.match(r"[\d,_.]+", text[i:])  # the number and the separators around it
            bad = run.group() if run else text[i:end]
            raise ExprError(f"cannot read {bad!r}: separators must split digits into groups of three "
                            "(write a decimal point as '.')", i)
        self.add("num", m.group(), i, number_value(m.group()))
        return end

    def word(self, i: int) -> int:
        text = self.text
        m = _compounds().match(text, i) if self.units else None
        if m is None or not readings(m.group()):
            m = _NAME.match(text, i)
        assert m is not None
        word, end = m.group(), m.end()
        lower = word.lower()
        rest = text[end:].lstrip()
        if not self.units or (word in FUNCTIONS and rest.startswith("(")):
            self.add("name", word, i)
        elif lower in words.HEDGES or lower in words.FILLERS:
            pass
        elif lower in words.COMPARATIVES and self.after_ratio():
            pass  # "2x faster": the words after a ratio say which way it goes, the number is the ratio
        elif lower in words.RANGE_WORDS:
            self.add("range", "to", i)
        elif lower == "per" or (lower == "times" and rest[:1].isdecimal()):
            self.add("op", "/" if lower == "per" else "*", i)
        elif readings(word):
            self.add("unit", word, i)
        else:
            self.add("name", word, i)
        return end

    def cjk(self, i: int) -> int:
        text = self.text
        if not self.after_number() and text[i] in words.NUMERAL_START:
            found = words.chinese_number(text, i)
            if found:
                self.add("num", text[i:found[1]], i, found[0])
                return found[1]
        if text.startswith("百分之", i):
            self.unit_after_number = "%"
            return i + 3
        longest, vocab = _cjk_words()
        for size in range(min(longest, len(text) - i), 0, -1):
            piece = text[i:i + size]
            if piece in vocab:
                if piece in words.RANGE_WORDS:
                    self.add("range", "to", i)
                elif piece in WORDS:
                    self.add("unit", piece, i)
                return i + size
        raise ExprError(Said("expr.unexpected_char", {"char": text[i], "position": i + 1}), i)

    def run(self) -> list[Token]:
        text, i = self.text, 0
        while i < len(text):
            ch = text[i]
            if ch.isspace():
                i += 1
            elif text.startswith("**", i):
                self.add("op", "^", i)
                i += 2
            elif self.units and ch in "xX×-" and (end := self.ratio_mark(i)):
                i = end
            elif self.units and (text.startswith("+/-", i) or text.startswith("+-", i) or ch == "±"):
                self.add("range", "±", i)
                i += 3 if text.startswith("+/-", i) else 2 if ch == "+" else 1
            elif ch in _OPERATORS:
                self.add("op", _OPERATORS[ch], i)
                i += 1
            elif ch in "(),":
                self.depth += {"(": 1, ")": -1, ",": 0}[ch]
                if ch == "," and self.units and self.depth <= 0:
                    raise ExprError(f"unexpected ',' at position {i + 1} (a comma may only group thousands, "
                                    "as in 14,000)", i)
                self.add(ch, ch, i)
                i += 1
            elif ch.isdecimal() or (ch == "." and text[i + 1:i + 2].isdecimal()):
                i = self.number(i)
            elif self.units and ch in "xX" and self.after_number() and _TIMES.match(text, i):
                self.add("op", "*", i)
                i += 1
            elif self.steps and ch in "=≈":
                self.add(ch, ch, i)
                i += 1
            elif self.units and ch in "~–":
                self.add("~" if ch == "~" else "range", ch, i)
                i += 1
            elif self.units and ch in "%‰":
                self.add("unit", ch, i)
                i += 1
            elif (ch.isascii() and (ch.isalpha() or ch == "_")) or ch == "μ":
                i = self.word(i)
            elif self.units and not ch.isascii():
                i = self.cjk(i)
            else:
                raise ExprError(Said("expr.unexpected_char", {"char": ch, "position": i + 1}), i)
        self.tokens.append(Token("end", "", len(text)))
        return self.tokens


def tokenize(text: str, units: bool = False, steps: bool = False) -> list[Token]:
    """Split `text` into tokens, or raise ExprError naming the bad character.

    With `units`, the text is a free-form answer: unit and magnitude words, Chinese, hedges, ranges,
    thousands separators and `1.4x10^10` are read too. With `steps` (implied by `units`), `=` and `≈`
    separate the steps of a worked answer.
    """
    if len(text) > MAX_LENGTH:
        raise ExprError(Said("expr.too_long", {"limit": MAX_LENGTH}))
    if units or steps:  # typed text: full-width forms, superscripts (N²) and look-alike characters
        text = words.normalize(text)
    if units:
        text = text.rstrip().rstrip(".!?").rstrip()
        if len(text) > MAX_LENGTH:
            raise ExprError(Said("expr.too_long", {"limit": MAX_LENGTH}))
    return _Lexer(text, units, steps).run()
