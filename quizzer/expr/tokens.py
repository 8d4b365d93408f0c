"""Tokenizer for arithmetic text: numbers, names, operators, parentheses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from quizzer.errors import ExprError

MAX_LENGTH = 500

# `×` and `·` are multiplication and `**` is power, as people write them in interviews.
_OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "/": "/", "÷": "/", "^": "^", "**": "^"}
_NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Token:
    """One lexical unit; `value` is set for numbers."""

    kind: str  # "num" | "name" | "op" | "(" | ")" | "," | "end"
    text: str
    pos: int
    value: Fraction | None = None


def number_value(text: str) -> Fraction:
    """The exact value of a decimal literal such as `1.4e10`."""
    return Fraction(text)


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens, or raise ExprError naming the bad character."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"input is longer than {MAX_LENGTH} characters")
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if text.startswith("**", i):
            tokens.append(Token("op", "^", i))
            i += 2
            continue
        if ch in _OPERATORS:
            tokens.append(Token("op", _OPERATORS[ch], i))
            i += 1
            continue
        if ch in "(),":
            tokens.append(Token(ch, ch, i))
            i += 1
            continue
        m = _NUMBER.match(text, i)
        if m:
            tokens.append(Token("num", m.group(), i, number_value(m.group())))
            i = m.end()
            continue
        m = _NAME.match(text, i)
        if m:
            tokens.append(Token("name", m.group(), i))
            i = m.end()
            continue
        raise ExprError(f"unexpected character {ch!r} at position {i + 1}", i)
    tokens.append(Token("end", "", len(text)))
    return tokens
