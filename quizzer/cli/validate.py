"""`quizzer validate`: check question banks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from quizzer.bank import load_catalog
from quizzer.bank.catalog import own_sources
from quizzer.bank.paths import bank_files
from quizzer.cli import browse_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language, task_ids
from quizzer.errors import EXIT_USAGE
from quizzer.models import Catalog


@app.command("validate")
def validate(
    paths: list[Path] | None = typer.Argument(None, help="Bank files or folders (default: the built-in banks)."),
    as_json: JsonOption = False,
    lang: LangOption = "en",
) -> None:
    """Check question banks: schema, unique ids, computable answers, known tasks and sources; every problem at once."""
    # Named banks are checked together with the built-in ones, so a clashing id is caught too; what is
    # reported is every problem of the named files (and of the sources.yaml beside them).
    catalog = load_catalog(list(paths or []), include_builtin=True, thorough=True, tasks=task_ids())
    if paths:
        catalog = _only(catalog, paths)
    if as_json:
        emit_json(shapes.validation(catalog))
    else:
        browse_view.validation(catalog, language(lang))
    if catalog.problems:
        raise typer.Exit(EXIT_USAGE)


def _only(catalog: Catalog, paths: list[Path]) -> Catalog:
    """The catalog narrowed to the named banks: their questions and their problems."""
    existing = [p for p in paths if p.exists()]
    named = {p.resolve() for p in (*paths, *bank_files(existing), *own_sources(existing))}
    index = tuple(b for b in catalog.index if Path(b.file).resolve() in named)
    problems = tuple(p for p in catalog.problems if Path(p.file).resolve() in named)
    return dataclasses.replace(catalog, index=index, problems=problems)
