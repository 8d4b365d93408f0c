"""`quizzer export anki|history`, `quizzer import` and `quizzer optimize`: the history and banks in and out."""

from __future__ import annotations

from pathlib import Path

import typer

from quizzer.cli import exchange_view as view
from quizzer.cli import shapes
from quizzer.cli.app import QuizzerTyper, app, emit_json
from quizzer.cli.options import (
    BankOption,
    DifficultyOption,
    JsonOption,
    KindOption,
    LangOption,
    TagOption,
    TopicOption,
    language,
    load_banks,
    selection,
)
from quizzer.errors import QuizzerError
from quizzer.messages import Said
from quizzer.store import open_store
from quizzer.store.db import utcnow

HISTORY_FORMATS = ("json", "fsrs-csv")
ForceOption = typer.Option(False, "--force", help="Overwrite PATH if it exists.")

export_app = QuizzerTyper(name="export", help="Export the questions to Anki, or your history to a file.",
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(export_app)


@export_app.command("anki")
def export_anki(
    path: Path = typer.Argument(..., help="The .apkg file to write."),
    topic: TopicOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    difficulty: DifficultyOption = None,
    source: str | None = typer.Option(None, help="Only questions citing this section (hot.q04) or document (hot)."),
    force: bool = ForceOption,
    lang: LangOption = "en",
    bank: BankOption = None,
) -> None:
    """Every question an Anki note (both languages, answer, explanation, source); re-importing updates them."""
    from quizzer.bank.select import select
    from quizzer.export.anki import build_notes, write_package

    catalog = load_banks(bank)
    chosen = select(catalog, selection(catalog, topic, tag, kind, difficulty, source))
    result = write_package(build_notes(catalog.full(chosen), catalog.sources), path, force, language(lang))
    view.anki_written(result, language(lang))


@export_app.command("history")
def export_history(
    path: Path = typer.Argument(..., help="The file to write (.json, or .csv with --format fsrs-csv)."),
    fmt: str = typer.Option("json", "--format", metavar="json|fsrs-csv",
                            help="json: attempts, cards and mocks for 'quizzer import'; fsrs-csv: the review log "
                                 "in the FSRS optimizer's columns."),
    force: bool = ForceOption,
    lang: LangOption = "en",
) -> None:
    """Write your history to a file: to move it to another machine, or to study it elsewhere."""
    from quizzer.practice.reviewlog import write_csv
    from quizzer.store.exchange import write_history

    lg = language(lang)
    if fmt not in HISTORY_FORMATS:
        raise QuizzerError(Said("export.unknown_format", {"fmt": fmt, "formats": ", ".join(HISTORY_FORMATS)}))
    store = open_store()
    try:
        if fmt == "json":
            view.history_written(write_history(store, path, force, lg), lg)
        else:
            view.review_log_written(path, write_csv(store, path, force, lg), lg)
    finally:
        store.close()


@app.command("import")
def import_history(
    path: Path = typer.Argument(..., help="A file written by 'quizzer export history'."),
    lang: LangOption = "en",
    as_json: JsonOption = False,
) -> None:
    """Merge a history export into yours (attempts and mocks added once, a card replaced only by a newer one)."""
    from quizzer.store.exchange import import_history as merge_file

    store = open_store()
    try:
        merged = merge_file(store, path, language(lang))
    finally:
        store.close()
    if as_json:
        emit_json(shapes.merged(merged))
    else:
        view.merged(merged, language(lang))


@app.command("optimize")
def optimize(lang: LangOption = "en", as_json: JsonOption = False) -> None:
    """Fit FSRS parameters to your own reviews and schedule with them from now on (needs quizzer[optimize])."""
    from quizzer.practice.personal import optimize as fit_and_save

    store = open_store()
    try:
        result = fit_and_save(store, utcnow(), language(lang))
    finally:
        store.close()
    if as_json:
        emit_json(shapes.fit(result))
    else:
        view.fit(result, language(lang))
