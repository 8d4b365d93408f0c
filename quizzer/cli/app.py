"""The application object and the one place where domain errors become exit codes."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from quizzer.errors import EXIT_INTERRUPTED, QuizzerError


class QuizzerGroup(TyperGroup):
    """Turns QuizzerError into a one-line message and its exit code, and Ctrl-C into 130."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizzerError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None


app = typer.Typer(
    cls=QuizzerGroup,
    name="quizzer",
    help="Practise LLM / ML engineering interview questions: concepts, estimates, formulas and hand-written PyTorch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def emit_json(data: Any) -> None:
    """Print one JSON document on stdout (nothing else goes to stdout with --json)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _show_version(value: bool) -> None:
    if value:
        from quizzer import __version__

        typer.echo(f"quizzer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Practise LLM / ML engineering interview questions: concepts, estimates, formulas and hand-written PyTorch."""
