"""`quizzer stats`, `quizzer history` and `quizzer backup`: what the history says."""

from __future__ import annotations

from pathlib import Path

import typer

from quizzer.cli import calendar_view, shapes
from quizzer.cli import progress_view as view
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language
from quizzer.messages import say
from quizzer.practice.days import forecast, heatmap
from quizzer.practice.stats import summarise_store
from quizzer.store import open_store
from quizzer.store.attempts import recent
from quizzer.store.db import utcnow


@app.command("stats")
def stats(
    as_json: JsonOption = False,
    png: Path | None = typer.Option(None, "--png", help="Also draw the heatmap and forecast into this PNG file "
                                                        "(needs matplotlib: pip install 'quizzer[plot]')."),
    force: bool = typer.Option(False, "--force", help="Let --png overwrite an existing file."),
    lang: LangOption = "en",
) -> None:
    """Progress by topic and kind, streak, reviews due, weakest topics; a review heatmap and a 14-day forecast."""
    store = open_store()
    try:
        now = utcnow()
        tz = now.astimezone().tzinfo
        result = summarise_store(store, now, tz)
        heat, due = heatmap(store, now, tz), forecast(store, now, tz)
    finally:
        store.close()
    if png is not None:
        from quizzer.cli.calendar_png import write_png

        write_png(png, heat, due, force)
    if as_json:
        emit_json(shapes.stats(result, heat, due))
        return
    chosen = language(lang)
    view.stats(result, chosen)
    if result.answered or result.skipped or result.unrated:
        view.out.print()
        calendar_view.heatmap(heat, chosen)
        view.out.print()
        calendar_view.forecast(due, chosen)
    if png is not None:
        calendar_view.png_written(png, chosen)


@app.command("history")
def history(
    n: int = typer.Option(20, "-n", min=1, help="How many attempts, newest first."),
    as_json: JsonOption = False,
    lang: LangOption = "en",
) -> None:
    """The attempt log."""
    store = open_store()
    try:
        attempts = recent(store, n)
    finally:
        store.close()
    if as_json:
        emit_json(shapes.history(attempts))
    else:
        view.history(attempts, language(lang))


@app.command("backup")
def backup(path: Path = typer.Argument(..., help="Where to write the copy (must not exist)."),
           lang: LangOption = "en") -> None:
    """Write a consistent copy of the history file."""
    store = open_store()
    try:
        target = store.backup(path)
    finally:
        store.close()
    view.out.print(say(language(lang), "backup.done", path=target))
