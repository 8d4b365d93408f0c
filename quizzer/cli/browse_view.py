"""How browsing looks: `list`, `show` and `validate`."""

from __future__ import annotations

import sys
from collections.abc import Mapping

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, err, out
from quizzer.kinds import kind_of
from quizzer.models import Catalog, Lang, Question


def question_table(questions: list[Question], lang: Lang) -> None:
    """`quizzer list`: one row per question."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "kind", "lvl", "prompt"):
        table.add_column(col, no_wrap=col != "prompt", overflow="ellipsis")
    for q in questions:
        prompt = kind_of(q).prompt(q, lang)
        first = prompt.splitlines()[0] if prompt else ""
        table.add_row(q.id, q.kind, str(q.difficulty), escape(first[:100]))
    out.print(table)
    out.print(counted(len(questions), "question"))


def answer_frame(q: Question, lang: Lang) -> None:
    """What an answer is chosen or written from: a choice question's options, a formula's variables."""
    for line in kind_of(q).frame(q, lang):
        out.print(escape(line))


def question_detail(q: Question, lang: Lang, reveal: bool, sources: Mapping[str, str]) -> None:
    """`quizzer show`: the prompt, its sources and optionally the answer."""
    kind = kind_of(q)
    out.print(f"[bold]{q.id}[/]  {q.topic} · {q.kind} · difficulty {q.difficulty}")
    if q.tags:
        out.print("tags: " + ", ".join(q.tags))
    for key in q.source:
        out.print(f"source: {key}  {escape(sources.get(key, ''))}")
    out.print()
    out.print(escape(kind.prompt(q, lang)))
    answer_frame(q, lang)
    if not reveal:
        return
    out.print()
    out.print("[bold]Answer[/]")
    for line in kind.reveal(q, lang):
        out.print(escape(line))
    explanation = kind.explanation(q, lang)
    if explanation:
        out.print()
        out.print(escape(explanation))


def validation(catalog: Catalog) -> None:
    """`quizzer validate`: every problem on its own line, then a summary."""
    for p in catalog.problems:
        err.print(escape(str(p)))
    n = len(catalog.summaries)
    if catalog.problems:
        err.print(f"{counted(len(catalog.problems), 'problem')} in the banks ({counted(n, 'question')} loaded)")
    else:
        out.print(f"ok: {counted(n, 'question')} in {counted(len(catalog.index), 'bank')}")
    sys.stdout.flush()
