"""quizzer's one expression parser: tokenizer, precedence parser, safe evaluator (never `eval`)."""

from quizzer.expr.ast import Binary, Call, Name, Node, Num, Unary, names_in
from quizzer.expr.evaluate import evaluate
from quizzer.expr.parser import parse

__all__ = ["Binary", "Call", "Name", "Node", "Num", "Unary", "evaluate", "names_in", "parse"]
