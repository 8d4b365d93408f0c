"""quizzer's one expression parser: tokenizer, precedence parser, safe evaluator (never `eval`)."""

from quizzer.expr.ast import Attach, Binary, Call, Name, Node, Num, Range, Unary, Unit, names_in, units_in, walk
from quizzer.expr.evaluate import evaluate
from quizzer.expr.parser import parse, parse_answer, parse_formula_answer

__all__ = ["Attach", "Binary", "Call", "Name", "Node", "Num", "Range", "Unary", "Unit", "evaluate", "names_in",
           "parse", "parse_answer", "parse_formula_answer", "units_in", "walk"]
