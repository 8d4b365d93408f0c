"""`quizzer list` and `quizzer show`: browse the banks."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from quizzer import render, shapes
from quizzer.cli.app import app, emit_json, lang_default
from quizzer.cli.options import load_banks
from quizzer.errors import QuizzerError
from quizzer.models import KINDS, Question

BankOpt = typer.Option(None, "--bank", help="Extra bank folder or file (repeatable).")


def select(questions: tuple[Question, ...], topic: str | None, kind: str | None, source: str | None) -> list[Question]:
    """Questions matching the filters; `source` is a section key or a document key (`hot`)."""
    if kind and kind not in KINDS:
        raise QuizzerError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
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
    topic: Optional[str] = typer.Option(None, help="Only this topic."),
    kind: Optional[str] = typer.Option(None, help="Only this kind: concept, numeric, formula, choice, code."),
    source: Optional[str] = typer.Option(None, help="Only questions citing this section (hot.q04) or document (hot)."),
    lang: str = typer.Option(lang_default(), help="zh or en."),
    bank: Optional[List[Path]] = BankOpt,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List questions in the banks."""
    catalog = load_banks(bank)
    topics = {b.topic for b in catalog.banks}
    if topic and topic not in topics:
        raise QuizzerError(f"unknown topic {topic!r} (one of {', '.join(sorted(topics))})")
    chosen = select(catalog.questions, topic, kind, source)
    if as_json:
        emit_json([shapes.question_summary(q) for q in chosen])
    else:
        render.question_table(chosen, "zh" if lang == "zh" else "en")


@app.command("show")
def show_question(
    qid: str = typer.Argument(..., metavar="ID", help="Question id, e.g. attention.why-sqrt-dk."),
    answer: bool = typer.Option(False, "--answer", help="Reveal the reference answer."),
    lang: str = typer.Option(lang_default(), help="zh or en."),
    bank: Optional[List[Path]] = BankOpt,
    as_json: bool = typer.Option(False, "--json", help="Print JSON (always includes the answer)."),
) -> None:
    """Show one question."""
    catalog = load_banks(bank)
    q = catalog.find(qid)
    if q is None:
        raise QuizzerError(f"unknown question {qid!r} (see 'quizzer list')")
    if as_json:
        emit_json(shapes.question_detail(q))
    else:
        render.question_detail(q, "zh" if lang == "zh" else "en", answer, catalog.sources)
