"""`quizzer list` and `quizzer show`: browse the banks."""

from __future__ import annotations

import typer

from quizzer.bank import require_question
from quizzer.cli import browse_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import BankOption, JsonOption, LangOption, language, load_banks
from quizzer.errors import QuizzerError
from quizzer.kinds import REGISTRY
from quizzer.models import Question


def select(questions: tuple[Question, ...], topic: str | None, kind: str | None, source: str | None) -> list[Question]:
    """Questions matching the filters; `source` is a section key or a document key (`hot`)."""
    if kind and kind not in REGISTRY:
        raise QuizzerError(f"unknown kind {kind!r} (one of {', '.join(REGISTRY)})")
    out = []
    for q in questions:
        if topic and q.topic != topic:
            continue
        if kind and q.kind != kind:
            continue
        if source and not any(s == source or s.split(".")[0] == source for s in q.source):
            continue
        out.append(q)
    return out


@app.command("list")
def list_questions(
    topic: str | None = typer.Option(None, help="Only this topic."),
    kind: str | None = typer.Option(None, help=f"Only this kind: {', '.join(REGISTRY)}."),
    source: str | None = typer.Option(None, help="Only questions citing this section (hot.q04) or document (hot)."),
    lang: LangOption = "en",
    bank: BankOption = None,
    as_json: JsonOption = False,
) -> None:
    """List questions in the banks."""
    catalog = load_banks(bank)
    topics = {b.topic for b in catalog.banks}
    if topic and topic not in topics:
        raise QuizzerError(f"unknown topic {topic!r} (one of {', '.join(sorted(topics))})")
    chosen = select(catalog.questions, topic, kind, source)
    if as_json:
        emit_json(shapes.question_list(chosen))
    else:
        browse_view.question_table(chosen, language(lang))


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
