"""Evaluate an expression tree with exact rationals where possible and bounded work always."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from quizzer.errors import ExprError
from quizzer.expr.ast import Binary, Call, Name, Node, Num, Unary
from quizzer.messages import Said

Value = Fraction | float

# Exact powers are only computed while the result stays small; beyond that floats take over, and a float
# that overflows is an error rather than a hang (this is what makes `9**9**9**9` fail fast).
MAX_EXACT_EXPONENT = 512
MAX_MAGNITUDE = 1e300


def finite(x: Value) -> Value:
    """`x`, or ExprError when it is not a usable finite number."""
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x) or abs(x) > MAX_MAGNITUDE):
        raise ExprError(Said("expr.too_large_or_undefined"))
    if isinstance(x, Fraction) and abs(x) > MAX_MAGNITUDE:
        raise ExprError(Said("expr.too_large"))
    return x


def power(base: Value, exp: Value) -> Value:
    """`base ** exp`, exact while small, never a hang."""
    if isinstance(exp, Fraction) and exp.denominator == 1 and isinstance(base, Fraction):
        n = exp.numerator
        if abs(n) <= MAX_EXACT_EXPONENT and (base != 0 or n >= 0):
            bits = abs(base.numerator).bit_length() + base.denominator.bit_length()
            if bits * abs(n) <= 4096:
                return finite(base**n)
    try:
        b, e = float(base), float(exp)
        if b == 0 and e < 0:
            raise ExprError(Said("expr.division_by_zero"))
        if b < 0 and not e.is_integer():
            raise ExprError(Said("expr.negative_power"))
        if b != 0 and abs(e * math.log10(abs(b))) > 300:
            raise ExprError(Said("expr.too_large"))
        return finite(b**e)
    except OverflowError as exc:
        raise ExprError(Said("expr.too_large")) from exc


def call(func: str, args: list[Value]) -> Value:
    """One of the allowed functions applied to evaluated arguments."""
    try:
        return finite(_call(func, args))
    except (ArithmeticError, ValueError) as exc:
        # math.log of a Fraction too small for a float, and the like: a clean error, never a traceback.
        raise ExprError(Said("expr.not_computable", {"func": func})) from exc


def _call(func: str, args: list[Value]) -> Value:
    x = args[0]
    if func in ("min", "max"):
        return min(args) if func == "min" else max(args)
    if func in ("ceil", "floor"):
        return Fraction(math.ceil(x) if func == "ceil" else math.floor(x))
    if func == "sqrt":
        if x < 0:
            raise ExprError(Said("expr.sqrt_negative"))
        if isinstance(x, Fraction):
            root_n, root_d = math.isqrt(x.numerator), math.isqrt(x.denominator)
            if root_n * root_n == x.numerator and root_d * root_d == x.denominator:
                return Fraction(root_n, root_d)
        return math.sqrt(x)
    if func == "log":
        if x <= 0:
            raise ExprError(Said("expr.log_nonpositive"))
        return math.log(x)
    if func == "exp":
        if x > 690:
            raise ExprError(Said("expr.too_large"))
        return math.exp(x)
    raise ExprError(Said("expr.unknown_function", {"func": func}))


def evaluate(node: Node, env: Mapping[str, Value] | None = None) -> Value:
    """The value of `node` with names looked up in `env`."""
    env = env or {}
    if isinstance(node, Num):
        return finite(node.value)
    if isinstance(node, Name):
        if node.id not in env:
            raise ExprError(Said("expr.unknown_name", {"word": node.id}), node.pos)
        value = env[node.id]
        return value if isinstance(value, (Fraction, float)) else Fraction(value)
    if isinstance(node, Unary):
        value = evaluate(node.operand, env)
        return -value if node.op == "-" else value
    if isinstance(node, Call):
        return call(node.func, [evaluate(a, env) for a in node.args])
    if isinstance(node, Binary):
        left, right = evaluate(node.left, env), evaluate(node.right, env)
        if node.op == "+":
            return finite(left + right)
        if node.op == "-":
            return finite(left - right)
        if node.op == "*":
            return finite(left * right)
        if node.op == "/":
            if right == 0:
                raise ExprError(Said("expr.division_by_zero"))
            return finite(left / right)
        return power(left, right)
    # Units, ranges and the like only appear in answers, which quizzer.grading evaluates with dimensions.
    raise ExprError(Said("expr.units_in_formula"))
