"""The Typer application: thin commands that call domain modules and hand results to `render`."""

from __future__ import annotations

from quizzer.cli.app import app
# Import order is the order `quizzer --help` lists the commands: the daily ones first.
from quizzer.cli import practice, mock, grade, tasks, check, calc, browse, history, validate  # noqa: F401,I001

__all__ = ["app"]
