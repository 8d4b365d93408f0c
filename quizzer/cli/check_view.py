"""How `check` and `calc` look."""

from __future__ import annotations

import sys

from rich.markup import escape

from quizzer.cli.console import out
from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict


def check_result(v: NumericVerdict | FormulaVerdict) -> None:
    """`quizzer check`: the verdict in one line, then the hint."""
    out.print(f"{'[green]✓[/]' if v.correct else '[red]✗[/]'} {escape(v.message)}")
    if v.hint:
        out.print(f"[yellow]hint:[/] {escape(v.hint)}")
    sys.stdout.flush()


def calculation(text: str) -> None:
    """`quizzer calc`: the value in sensible units."""
    out.print(escape(text))
    sys.stdout.flush()
