"""The Typer application: thin commands that parse options, call the layers below and hand results to views."""

# The import order below is the order `quizzer --help` lists the commands, so isort must leave it alone.
# isort: skip_file

from __future__ import annotations

# `quizzer grade FILE`: the judge's child starts importing torch now, while the rest of the CLI loads.
from quizzer.judge.prestart import prestart

prestart()

from quizzer.cli.app import app  # noqa: E402  (after the head start, on purpose)

# Importing a command module registers its commands: the daily ones first.
from quizzer.cli import practice, mock, grade, tasks, check, calc, browse, history, exchange, validate, llm  # noqa: F401, E402

__all__ = ["app"]
