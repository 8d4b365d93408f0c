"""The Typer application: thin commands that call domain modules and hand results to `render`."""

from __future__ import annotations

from quizzer.cli.app import app
from quizzer.cli import browse, history, mock, practice, validate  # noqa: F401  (registers commands)

__all__ = ["app"]
