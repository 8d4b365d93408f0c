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
    "expr.unknown_name": ("unknown name {word!r}", "未知名称 {word!r}"),
    "expr.unknown_name_near": ("unknown name {word!r} (did you mean {near!r}?); use {names}",
                               "未知名称 {word!r}（是不是 {near!r}？）；可用：{names}"),
    "expr.unknown_name_use": ("unknown name {word!r}; use {names}", "未知名称 {word!r}；可用：{names}"),
    "expr.unknown_function": ("unknown function {func!r}", "未知函数 {func!r}"),
    "expr.not_computable": ("{func}() cannot be computed for this value", "{func}() 无法对这个值求值"),
    "expr.too_large": ("the result is too large", "结果太大"),
    "expr.too_large_or_undefined": ("the result is too large or undefined", "结果太大或无定义"),
    "expr.negative_power": ("a negative number to a fractional power", "负数不能取分数次幂"),
    "expr.sqrt_negative": ("sqrt of a negative number", "负数不能开平方"),
    "expr.log_nonpositive": ("log of a non-positive number", "非正数不能取对数"),
    "expr.units_in_formula": ("units are not allowed in a formula", "公式里不能带单位"),
    "expr.too_long": ("input is longer than {limit} characters", "输入超过 {limit} 个字符"),
}
