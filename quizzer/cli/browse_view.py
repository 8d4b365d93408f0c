"""How browsing looks: `list`, `show` and `validate`."""

from __future__ import annotations

import sys
from collections.abc import Mapping

from rich.markup import escape
from rich.table import Table
from rich.text import Text as RichText

from quizzer.cli.console import counted, err, narrow, out, term
from quizzer.kinds import kind_of
from quizzer.messages import say
from quizzer.models import Catalog, Lang, Question


def question_table(questions: list[Question], lang: Lang) -> None:
    """`quizzer list`: one row per question; at a narrow width the id and the prompt only, the id never cut."""
    columns = ("id", "prompt") if narrow() else ("id", "kind", "lvl", "prompt")
    longest = max((len(q.id) for q in questions), default=2)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in columns:
        # The id is what a user copies into other commands: it keeps its whole width, the prompt gives way.
        table.add_column(say(lang, f"col.{col}"), no_wrap=col != "prompt", overflow="ellipsis",
                         min_width=longest if col == "id" else None)
    for q in questions:
        prompt = kind_of(q).prompt(q, lang)
        first = prompt.splitlines()[0] if prompt else ""
        if len(columns) == 2:  # narrow: one line per question, the prompt cut to the room the id leaves
            first = _cut(first, out.width - longest - 2)
        cells = {"id": q.id, "kind": term(lang, "kind", q.kind), "lvl": str(q.difficulty),
                 "prompt": escape(first[:100])}
        table.add_row(*(cells[c] for c in columns))
    out.print(table)
    out.print(counted(len(questions), "question", lang))


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells, an ellipsis marking the cut (CJK characters take two cells)."""
    line = RichText(text)
    line.truncate(max(width, 1), overflow="ellipsis")
    return line.plain


def answer_frame(q: Question, lang: Lang) -> None:
    """What an answer is chosen or written from: a choice question's options, a formula's variables."""
    for line in kind_of(q).frame(q, lang):
        out.print(escape(line))


def question_detail(q: Question, lang: Lang, reveal: bool, sources: Mapping[str, str]) -> None:
    """`quizzer show`: the prompt, its sources and optionally the answer."""
    kind = kind_of(q)
    out.print(f"[bold]{q.id}[/]  " + escape(say(lang, "show.head", topic=q.topic, kind=term(lang, "kind", q.kind),
                                                 difficulty=q.difficulty)))
    if q.tags:
        out.print(escape(say(lang, "show.tags", tags=", ".join(q.tags))))
    for key in q.source:
        out.print(escape(say(lang, "show.source", key=key, title=sources.get(key, ""))))
    out.print()
    out.print(escape(kind.prompt(q, lang)))
    answer_frame(q, lang)
    if not reveal:
        return
    out.print()
    out.print(f"[bold]{say(lang, 'show.answer')}[/]")
    for line in kind.reveal(q, lang):
        out.print(escape(line))
    explanation = kind.explanation(q, lang)
    if explanation:
        out.print()
        out.print(escape(explanation))


def validation(catalog: Catalog, lang: Lang = "en") -> None:
    """`quizzer validate`: every problem on its own line, then a summary."""
    for p in catalog.problems:
        err.print(escape(str(p)))
    questions = counted(len(catalog.summaries), "question", lang)
    if catalog.problems:
        err.print(escape(say(lang, "validate.problems", problems=counted(len(catalog.problems), "problem", lang),
                             questions=questions)))
    else:
        banks = counted(len(catalog.index), "bank", lang)
        out.print(escape(say(lang, "validate.ok", questions=questions, banks=banks)))
    sys.stdout.flush()
