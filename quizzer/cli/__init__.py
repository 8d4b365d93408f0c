"""The Typer application: thin commands that parse options, call the layers below and hand results to views."""

# The import order below is the order `quizzer --help` lists the commands, so isort must leave it alone.
# isort: skip_file

from __future__ import annotations

from quizzer.cli.app import app

# Importing a command module registers its commands: the daily ones first.
from quizzer.cli import practice, mock, grade, tasks, check, calc, browse, history, validate  # noqa: F401

__all__ = ["app"]
