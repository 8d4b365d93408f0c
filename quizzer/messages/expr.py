"""Messages of the answer and formula parser: why a typed answer could not be read."""

from __future__ import annotations

EXPR: dict[str, tuple[str, str]] = {
    "expr.unexpected_char": ("unexpected character {char!r} at position {position}",
                             "第 {position} 个字符 {char!r} 无法识别"),
    "expr.unknown_word": ("unknown unit or word {word!r} at position {position}",
                          "第 {position} 个字符处的单位或词 {word!r} 无法识别"),
    "expr.unknown_word_near": ("unknown unit or word {word!r} at position {position} (did you mean {near!r}?)",
                               "第 {position} 个字符处的单位或词 {word!r} 无法识别（是不是 {near!r}？）"),
    "expr.unknown_word_anywhere": ("unknown unit or word {word!r}", "单位或词 {word!r} 无法识别"),
    "expr.expected": ("expected {kind!r} at position {position}, found {found!r}",
                      "第 {position} 个字符处应为 {kind!r}，却是 {found!r}"),
    "expr.unexpected": ("unexpected {text!r} at position {position}", "第 {position} 个字符处出现意外的 {text!r}"),
    "expr.empty": ("empty expression", "表达式为空"),
    "expr.division_by_zero": ("division by zero", "除以零"),
    "expr.too_long": ("input is longer than {limit} characters", "输入超过 {limit} 个字符"),
}
