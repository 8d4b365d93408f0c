"""Precedence-climbing parser from tokens to an expression tree."""

from __future__ import annotations

from quizzer.errors import ExprError
from quizzer.expr.ast import Binary, Call, Name, Node, Num, Unary
from quizzer.expr.tokens import Token, tokenize

MAX_DEPTH = 20
FUNCTIONS = {"sqrt": 1, "log": 1, "exp": 1, "ceil": 1, "floor": 1, "min": -1, "max": -1}

# Binding power of each binary operator; `^` is right-associative and binds tighter than unary minus,
# so `-2^2` is -4 as in mathematics.
_BINARY = {"+": 10, "-": 10, "*": 20, "/": 20, "^": 40}
_UNARY = 30


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str) -> Token:
        tok = self.take()
        if tok.kind != kind:
            raise ExprError(f"expected {kind!r} at position {tok.pos + 1}, found {tok.text or 'end of input'!r}", tok.pos)
        return tok

    def expression(self, min_power: int = 0) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"expression is nested deeper than {MAX_DEPTH} levels")
        left = self.prefix()
        while True:
            tok = self.peek()
            power = _BINARY.get(tok.text) if tok.kind == "op" else None
            if power is None or power < min_power or (power == min_power and tok.text != "^"):
                break
            self.take()
            # Right-associative `^` parses its right side at the same power; the others one higher.
            right = self.expression(power if tok.text == "^" else power + 1)
            left = Binary(tok.text, left, right)
        self.depth -= 1
        return left

    def prefix(self) -> Node:
        tok = self.take()
        if tok.kind == "op" and tok.text in "+-":
            return Unary(tok.text, self.expression(_UNARY))
        if tok.kind == "num":
            assert tok.value is not None
            return Num(tok.value)
        if tok.kind == "(":
            inner = self.expression()
            self.expect(")")
            return inner
        if tok.kind == "name":
            if self.peek().kind == "(":
                return self.call(tok)
            return Name(tok.text, tok.pos)
        raise ExprError(f"unexpected {tok.text or 'end of input'!r} at position {tok.pos + 1}", tok.pos)

    def call(self, name: Token) -> Node:
        if name.text not in FUNCTIONS:
            raise ExprError(f"unknown function {name.text!r} (allowed: {', '.join(FUNCTIONS)})", name.pos)
        self.expect("(")
        args = [self.expression()]
        while self.peek().kind == ",":
            self.take()
            args.append(self.expression())
        self.expect(")")
        arity = FUNCTIONS[name.text]
        if arity > 0 and len(args) != arity:
            raise ExprError(f"{name.text}() takes {arity} argument, got {len(args)}", name.pos)
        return Call(name.text, tuple(args))


def parse(text: str) -> Node:
    """Parse arithmetic over names and numbers; raises ExprError with a position on bad input."""
    parser = _Parser(tokenize(text))
    if parser.peek().kind == "end":
        raise ExprError("empty expression")
    node = parser.expression()
    tok = parser.peek()
    if tok.kind != "end":
        raise ExprError(f"unexpected {tok.text!r} at position {tok.pos + 1}", tok.pos)
    return node
