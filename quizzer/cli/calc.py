"""`quizzer calc`: the answer parser as a back-of-envelope calculator with units."""

from __future__ import annotations

from typing import List, Optional

import typer

from quizzer import render, shapes
from quizzer.cli.app import app, emit_json


@app.command("calc")
def calc(
    expr: List[str] = typer.Argument(..., metavar="EXPR", help="e.g. '2*2*32*4*2048*4096 B' or '3.15e23 FLOP / (1024 * 312 TFLOP/s)'."),
    to: Optional[str] = typer.Option(None, "--to", metavar="UNIT", help="Write the result in this unit (GiB, days, PF-days, %)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Evaluate an expression with units and print it in sensible units."""
    from quizzer.grading.check import calculate

    result = calculate(" ".join(expr), to)
    if as_json:
        emit_json(shapes.calculation(result))
    else:
        render.calculation(result.text)
