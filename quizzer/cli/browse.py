"""`quizzer list` and `quizzer show`: browse the banks."""

from __future__ import annotations

import typer

from quizzer.bank import require_question
from quizzer.cli import browse_view, shapes
from quizzer.cli.app import app, emit_json
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


@app.command("list")
def list_questions(
    topic: TopicOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    difficulty: DifficultyOption = None,
    source: str | None = typer.Option(None, help="Only questions citing this section (hot.q04) or document (hot)."),
    lang: LangOption = "en",
    bank: BankOption = None,
    as_json: JsonOption = False,
) -> None:
    """List questions in the banks."""
    from quizzer.bank.select import select

    catalog = load_banks(bank)
    chosen = select(catalog, selection(catalog, topic, tag, kind, difficulty, source))
    if as_json:
        emit_json(shapes.question_list(chosen))
    else:
        browse_view.question_table(catalog.full(chosen), language(lang))


@app.command("show")
def show_question(
    qid: str = typer.Argument(..., metavar="ID", help="Question id, e.g. attention.why-sqrt-dk."),
    answer: bool = typer.Option(False, "--answer", help="Reveal the reference answer."),
    lang: LangOption = "en",
    bank: BankOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print JSON (always includes the answer)."),
) -> None:
    """Show one question."""
    catalog = load_banks(bank)
    q = require_question(catalog, qid)
    if as_json:
        emit_json(shapes.question_detail(q))
    else:
        browse_view.question_detail(q, language(lang), answer, catalog.sources)
