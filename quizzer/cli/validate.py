"""`quizzer validate`: check question banks."""

from __future__ import annotations

from pathlib import Path

import typer

from quizzer.bank import load_catalog
from quizzer.cli import browse_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, task_ids
from quizzer.errors import EXIT_USAGE


@app.command("validate")
def validate(
    paths: list[Path] | None = typer.Argument(None, help="Bank files or folders (default: the built-in banks)."),
    as_json: JsonOption = False,
) -> None:
    """Check question banks: schema, unique ids, computable answers, known tasks and sources."""
    # Named banks are checked together with the built-in ones, so a clashing id is caught too;
    # problems are reported for every file.
    catalog = load_catalog(list(paths or []), include_builtin=True, thorough=True, tasks=task_ids())
    if as_json:
        emit_json(shapes.validation(catalog))
    else:
        browse_view.validation(catalog)
    if catalog.problems:
        raise typer.Exit(EXIT_USAGE)
