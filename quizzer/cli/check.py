"""`quizzer check`: grade one free-form answer non-interactively (exit 0 correct, 1 wrong, 2 unreadable)."""

from __future__ import annotations

import typer

from quizzer.cli import check_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language
from quizzer.errors import EXIT_USAGE, EXIT_WRONG, QuizzerError


@app.command("check")
def check_answer(
    answer: list[str] = typer.Argument(..., metavar="ANSWER", help="The answer, e.g. '4 GiB', '17-18 GB', '6ND'."),
    expect: str = typer.Option(..., "--expect", metavar="VALUE",
                               help="The right answer: a quantity ('4294967296 B', '38.95 day') or a formula "
                                    "('6*N*D')."),
    rel_tol: str | None = typer.Option(None, "--rel-tol", metavar="R",
                                       help="Relative tolerance: 0.05 or 5% (default 2%)."),
    factor: float | None = typer.Option(None, "--factor", metavar="F",
                                        help="Accept answers within a factor F (order-of-magnitude estimates)."),
    var: list[str] | None = typer.Option(None, "--var", metavar="NAME", help="A variable of a formula (repeatable)."),
    lang: LangOption = "en",
    as_json: JsonOption = False,
) -> None:
    """Grade one answer against the expected value, as practice does."""
    from quizzer.grading.check import check, tolerance

    verdict = check(" ".join(answer), expect, tolerance(rel_tol, factor), list(var or []), language(lang))
    if as_json:
        emit_json(shapes.check_result(verdict))
        if not verdict.readable:
            typer.echo(f"error: {verdict.message}", err=True)
            raise typer.Exit(EXIT_USAGE)
    elif not verdict.readable:
        raise QuizzerError(verdict.message)
    else:
        check_view.check_result(verdict)
    if not verdict.correct:
        raise typer.Exit(EXIT_WRONG)
