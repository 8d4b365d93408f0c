"""SymPy, only for deciding that two formulas are equal; built from our own tree, never from text."""

from __future__ import annotations

import threading
from fractions import Fraction
from typing import Any

from quizzer.expr import Binary, Call, Name, Node, Num, Unary, walk

# SymPy's simplify has no time limit of its own. It runs in a daemon thread that is abandoned after
# BUDGET seconds (the formula is then judged by evaluation), and trees that could make it explode are not
# handed to it at all.
BUDGET = 2.0
MAX_NODES = 200
MAX_POWER = 64


def _sympy() -> Any:
    import sympy  # lazy: importing quizzer.grading must stay light

    return sympy


def warm_up() -> threading.Thread:
    """Import SymPy in the background (while a formula question is being read), so grading is quick."""
    thread = threading.Thread(target=_sympy, name="quizzer-sympy-import", daemon=True)
    thread.start()
    return thread


def suitable(node: Node) -> bool:
    """Whether a tree is small and tame enough for symbolic simplification."""
    nodes = walk(node)
    if len(nodes) > MAX_NODES:
        return False
    for n in nodes:
        if isinstance(n, Binary) and n.op == "^" and isinstance(n.right, Num) and abs(float(n.right.value)) > MAX_POWER:
            return False
    return True


def to_sympy(node: Node, symbols: dict[str, Any]) -> Any:
    """The SymPy expression of a tree; names must be keys of `symbols` (or `pi`)."""
    sp = _sympy()
    if isinstance(node, Num):
        v = node.value
        return sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.Float(v)
    if isinstance(node, Name):
        return symbols.get(node.id, sp.pi)
    if isinstance(node, Unary):
        inner = to_sympy(node.operand, symbols)
        return -inner if node.op == "-" else inner
    if isinstance(node, Binary):
        a, b = to_sympy(node.left, symbols), to_sympy(node.right, symbols)
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "^": lambda: sp.Pow(a, b)}[node.op]()
    assert isinstance(node, Call)
    args = [to_sympy(a, symbols) for a in node.args]
    funcs = {"sqrt": sp.sqrt, "log": sp.log, "exp": sp.exp, "min": sp.Min, "max": sp.Max,
             "ceil": sp.ceiling, "floor": sp.floor}
    return funcs[node.func](*args)


def _is_zero(a: Node, b: Node, names: list[str]) -> bool:
    sp = _sympy()
    # Positive symbols: the contract compares formulas as functions of positive variables, which also
    # lets SymPy split log(a*b) and take sqrt(x^2) = x.
    symbols = {n: sp.Symbol(n, positive=True) for n in names}
    diff = to_sympy(a, symbols) - to_sympy(b, symbols)
    steps = (lambda e: e, sp.cancel, sp.simplify,
             lambda e: sp.simplify(sp.expand_log(sp.expand_power_base(e, force=True), force=True)))
    for step in steps:
        diff = step(diff)
        if diff == 0:
            return True
    return False


def equal(a: Node, b: Node, names: list[str], budget: float = BUDGET) -> bool | None:
    """True when SymPy shows a - b == 0 within `budget` seconds; None when it cannot tell (never False)."""
    if not (suitable(a) and suitable(b)):
        return None
    _sympy()  # the import is outside the budget: it always finishes, and only once per process
    result: list[bool] = []

    def work() -> None:
        try:
            result.append(_is_zero(a, b, names))
        except Exception:
            result.append(False)

    thread = threading.Thread(target=work, name="quizzer-sympy-check", daemon=True)
    thread.start()
    thread.join(budget)
    return True if result and result[0] else None
