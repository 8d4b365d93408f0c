"""`quizzer calc`: the answer parser as a back-of-envelope calculator with units."""

from __future__ import annotations

import typer

from quizzer.cli import check_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language


@app.command("calc")
def calc(
    expr: list[str] = typer.Argument(..., metavar="EXPR",
                                     help="e.g. '2*2*32*4*2048*4096 B' or '3.15e23 FLOP / (1024 * 312 TFLOP/s)'."),
    to: str | None = typer.Option(None, "--to", metavar="UNIT",
                                  help="Write the result in this unit (GiB, days, PF-days, %)."),
    as_json: JsonOption = False,
    lang: LangOption = "en",
) -> None:
    """Evaluate an expression with units and print it in sensible units."""
    from quizzer.grading.check import calculate

    result = calculate(" ".join(expr), to, language(lang))
    if as_json:
        emit_json(shapes.calculation(result))
    else:
        check_view.calculation(result.text, result.note, language(lang))
