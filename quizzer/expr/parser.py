"""Recursive-descent parser from tokens to an expression tree: one grammar for bank formulas and answers.

    answer := step (('=' | '≈') step)*             steps of a worked answer; the last one counts
    step   := '~'* sum ((RANGE | '~') sum)?          `17-18 GB` between two plain quantities is a range too
    sum    := term (('+' | '-') term)*
    term   := factor (('*' | '/') factor | units | factor-by-juxtaposition)*
    factor := ('+' | '-') factor | primary ('^' factor)?
    units  := UNIT ('^' NUM)? ((('*' | '/')? UNIT ('^' NUM)?)*
A unit written after numbers applies to the numbers since the previous unit (`1/2 GB` is half a GB, while
in `3e23 FLOP / 1e15 FLOP/s` each unit stays with its own number), as people mean it.
"""

from __future__ import annotations

from quizzer.errors import ExprError
from quizzer.expr.ast import Attach, Binary, Call, Name, Node, Num, Range, Unary, Unit, units_in
from quizzer.expr.tokens import FUNCTIONS, Token, tokenize
from quizzer.messages import Said
from quizzer.units import closest

MAX_DEPTH = 20

__all__ = ["FUNCTIONS", "MAX_DEPTH", "parse", "parse_answer", "parse_formula_answer"]


def _fold(items: list[tuple[str, Node]]) -> Node:
    node = items[0][1]
    for op, right in items[1:]:
        node = Binary(op, node, right)
    return node


def _simple(node: Node) -> bool:
    """A plain number, maybe with units: the ends of a `17-18 GB` range."""
    return isinstance(node, Num) or (isinstance(node, Attach) and isinstance(node.value, Num))


def _unknown_word(tok: Token) -> ExprError:
    near = closest(tok.text)
    fields = {"word": tok.text, "position": tok.pos + 1, "near": near}
    return ExprError(Said("expr.unknown_word_near" if near else "expr.unknown_word", fields), tok.pos)


class _Parser:
    def __init__(self, tokens: list[Token], units: bool, implicit: bool) -> None:
        self.tokens = tokens
        self.units, self.implicit = units, implicit
        self.i = 0
        self.depth = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.i + ahead, len(self.tokens) - 1)]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str) -> Token:
        tok = self.take()
        if tok.kind != kind:
            found = tok.text or "end of input"
            raise ExprError(Said("expr.expected", {"kind": kind, "position": tok.pos + 1, "found": found}), tok.pos)
        return tok

    def answer(self) -> Node:
        node = self.step()
        while self.peek().kind in ("=", "≈"):
            self.take()
            node = self.step()
        return node

    def step(self) -> Node:
        while self.peek().kind in ("~", "≈"):
            self.take()
        low = self.sum()
        tok = self.peek()
        if tok.kind == "~" and self.peek(1).kind in ("end", "=", "≈"):
            self.take()  # a trailing `~` is a hedge, not a range
        elif tok.kind in ("range", "~"):
            self.take()
            return Range(low, self.sum(), "to" if tok.kind == "~" else tok.text)
        if self.units and isinstance(low, Binary) and low.op == "-" and _simple(low.left) and _simple(low.right):
            return Range(low.left, low.right, "-")
        return low

    def sum(self) -> Node:
        node = self.term()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.take().text
            node = Binary(op, node, self.term())
        return node

    def term(self) -> Node:
        items: list[tuple[str, Node]] = [("*", self.factor())]
        # Index of the first item after the last unit: a unit applies to the items from there on.
        run = 1 if self.has_units(items[0][1]) else 0
        while True:
            tok = self.peek()
            if tok.kind == "op" and tok.text in "*/":
                self.take()
                items.append((tok.text, self.factor()))
                if self.has_units(items[-1][1]):
                    run = len(items)
            elif self.units and tok.kind == "unit":
                unit = self.unit_group()
                if run < len(items):
                    group = _fold([("*", items[run][1]), *items[run + 1:]])
                    items[run:] = [(items[run][0], Attach(group, unit))]
                else:
                    items.append(("*", unit))
                run = len(items)
            elif self.units and tok.kind == "name" and self.peek(1).kind != "(":
                raise _unknown_word(tok)
            elif self.implicit and tok.kind in ("name", "num", "("):
                items.append(("*", self.factor()))
            else:
                return _fold(items)

    def has_units(self, node: Node) -> bool:
        return self.units and bool(units_in(node))

    def unit_power(self) -> Node:
        tok = self.take()
        node: Node = Unit(tok.text, tok.pos)
        if self.peek().kind == "op" and self.peek().text == "^" and self.peek(1).kind == "num":
            self.take()
            exponent = self.take().value
            assert exponent is not None  # a "num" token always carries its value
            node = Binary("^", node, Num(exponent))
        return node

    def unit_group(self) -> Node:
        node = self.unit_power()
        while True:
            tok = self.peek()
            if tok.kind == "unit":
                node = Binary("*", node, self.unit_power())
            elif tok.kind == "op" and tok.text in "*/" and self.peek(1).kind == "unit":
                self.take()
                node = Binary(tok.text, node, self.unit_power())
            else:
                return node

    def factor(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"expression is nested deeper than {MAX_DEPTH} levels")
        tok = self.peek()
        if tok.kind == "op" and tok.text in "+-":
            self.take()
            node: Node = Unary(tok.text, self.factor())
        else:
            node = self.primary()
            if self.peek().kind == "op" and self.peek().text == "^":
                self.take()
                node = Binary("^", node, self.factor())
        self.depth -= 1
        return node

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            assert tok.value is not None
            return Num(tok.value)
        if tok.kind == "(":
            inner = self.sum()
            self.expect(")")
            return inner
        if tok.kind == "name":
            # In a typed formula `N(N-1)` is N times (N-1); only the allowed functions are calls there.
            if self.peek().kind == "(" and not (self.implicit and tok.text not in FUNCTIONS):
                return self.call(tok)
            if self.units:
                raise _unknown_word(tok)
            return Name(tok.text, tok.pos)
        if tok.kind == "unit" and self.units:
            self.i -= 1
            return self.unit_group()
        raise ExprError(Said("expr.unexpected", {"text": tok.text or "end of input", "position": tok.pos + 1}), tok.pos)

    def call(self, name: Token) -> Node:
        if name.text not in FUNCTIONS:
            raise ExprError(f"unknown function {name.text!r} (allowed: {', '.join(FUNCTIONS)})", name.pos)
        self.expect("(")
        args = [self.sum()]
        while self.peek().kind == ",":
            self.take()
            args.append(self.sum())
        self.expect(")")
        arity = FUNCTIONS[name.text]
        if arity > 0 and len(args) != arity:
            raise ExprError(f"{name.text}() takes {arity} argument, got {len(args)}", name.pos)
        return Call(name.text, tuple(args))


def _run(text: str, units: bool, implicit: bool) -> Node:
    parser = _Parser(tokenize(text, units=units, steps=implicit), units, implicit)
    if parser.peek().kind == "end":
        raise ExprError(Said("expr.empty"))
    node = parser.answer() if units or implicit else parser.sum()
    tok = parser.peek()
    if tok.kind != "end":
        raise ExprError(Said("expr.unexpected", {"text": tok.text, "position": tok.pos + 1}), tok.pos)
    return node


def parse(text: str) -> Node:
    """A bank formula: arithmetic over names and numbers; raises ExprError with a position on bad input."""
    return _run(text, units=False, implicit=False)


def parse_formula_answer(text: str) -> Node:
    """A typed formula: as `parse`, plus `2 N D` meaning `2*N*D` and `C = 6ND` meaning its last step."""
    return _run(text, units=False, implicit=True)


def parse_answer(text: str) -> Node:
    """A typed quantity: numbers with units, magnitude words, Chinese, hedges, ranges and worked steps."""
    return _run(text, units=True, implicit=False)
