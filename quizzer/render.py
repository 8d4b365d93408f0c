"""Everything quizzer prints for people, with Rich (the only module outside cli/ that imports it)."""

from __future__ import annotations

import sys
from typing import Mapping

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quizzer.models import Catalog, Choice, Code, Concept, Formula, Lang, Numeric, Question
from quizzer.variants import display_answer, fill

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

KIND_LABEL = {"concept": "concept", "numeric": "numeric", "formula": "formula", "choice": "choice", "code": "code"}


def question_table(questions: list[Question], lang: Lang) -> None:
    """`quizzer list`: one row per question."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "kind", "lvl", "prompt"):
        table.add_column(col, no_wrap=col != "prompt", overflow="ellipsis")
    for q in questions:
        prompt = q.prompt.get(lang)
        if isinstance(q.spec, Numeric):
            prompt = fill(prompt, q.spec.params)
        first = prompt.splitlines()[0] if prompt else ""
        table.add_row(q.id, q.kind, str(q.difficulty), escape(first[:100]))
    out.print(table)
    out.print(f"{len(questions)} questions")


def prompt_text(q: Question, lang: Lang, params: Mapping[str, float] | None = None) -> str:
    """The prompt with numeric placeholders filled in."""
    text = q.prompt.get(lang)
    if isinstance(q.spec, Numeric):
        text = fill(text, params if params is not None else q.spec.params)
    return text


def question_detail(q: Question, lang: Lang, reveal: bool, sources: Mapping[str, str]) -> None:
    """`quizzer show`: the prompt, its sources and optionally the answer."""
    out.print(f"[bold]{q.id}[/]  {q.topic} · {q.kind} · difficulty {q.difficulty}")
    if q.tags:
        out.print("tags: " + ", ".join(q.tags))
    for key in q.source:
        out.print(f"source: {key}  {escape(sources.get(key, ''))}")
    out.print()
    out.print(escape(prompt_text(q, lang)))
    spec = q.spec
    if isinstance(spec, Choice):
        for letter, option in zip("ABCDEF", spec.options):
            out.print(f"  {letter}. {escape(option.get(lang))}")
    if isinstance(spec, Formula):
        for v in spec.variables:
            names = ", ".join((v.name,) + v.aliases)
            out.print(f"  {names}: {escape(v.meaning.get(lang))}")
    if not reveal:
        return
    out.print()
    out.print("[bold]Answer[/]")
    if isinstance(spec, Concept):
        out.print(escape(spec.answer.get(lang)))
        for kp in spec.key_points:
            mark = "*" if kp.essential else "-"
            out.print(f" {mark} {escape(kp.text.get(lang))}")
    elif isinstance(spec, Numeric):
        out.print(display_answer(spec) + f"   (formula: {spec.formula})")
    elif isinstance(spec, Formula):
        out.print(spec.formula)
    elif isinstance(spec, Choice):
        out.print(", ".join(spec.correct))
    elif isinstance(spec, Code):
        out.print(f"hand-write task '{spec.task}': quizzer start {spec.task}")
    if q.explanation:
        text = q.explanation.get(lang)
        if isinstance(spec, Numeric):
            text = fill(text, spec.params, display_answer(spec))
        out.print()
        out.print(escape(text))


def validation(catalog: Catalog) -> None:
    """`quizzer validate`: every problem on its own line, then a summary."""
    for p in catalog.problems:
        err.print(escape(str(p)))
    n = len(catalog.questions)
    if catalog.problems:
        err.print(f"{len(catalog.problems)} problems in the banks ({n} questions loaded)")
    else:
        out.print(f"ok: {n} questions in {len(catalog.banks)} banks")
    sys.stdout.flush()
