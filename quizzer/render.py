"""Everything quizzer prints for people, with Rich (the only module outside cli/ that imports it)."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Mapping

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict
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


def answer_frame(q: Question, lang: Lang) -> None:
    """What an answer is chosen or written from: a choice question's options, a formula's variables."""
    spec = q.spec
    if isinstance(spec, Choice):
        for letter, option in zip("ABCDEF", spec.options):
            out.print(f"  {letter}. {escape(option.get(lang))}")
    if isinstance(spec, Formula):
        for v in spec.variables:
            out.print(f"  {escape(', '.join((v.name,) + v.aliases))}: {escape(v.meaning.get(lang))}")


def question_detail(q: Question, lang: Lang, reveal: bool, sources: Mapping[str, str]) -> None:
    """`quizzer show`: the prompt, its sources and optionally the answer."""
    out.print(f"[bold]{q.id}[/]  {q.topic} · {q.kind} · difficulty {q.difficulty}")
    if q.tags:
        out.print("tags: " + ", ".join(q.tags))
    for key in q.source:
        out.print(f"source: {key}  {escape(sources.get(key, ''))}")
    out.print()
    out.print(escape(prompt_text(q, lang)))
    answer_frame(q, lang)
    if not reveal:
        return
    spec = q.spec
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
        reference = reference_solution(spec.task)
        if reference:
            out.print()
            out.print(f"[bold]Reference solution[/] (solutions/{spec.task}.py)")
            out.print(escape(reference.rstrip()))
    if q.explanation:
        text = q.explanation.get(lang)
        if isinstance(spec, Numeric):
            text = fill(text, spec.params, display_answer(spec))
        out.print()
        out.print(escape(text))


def reference_solution(task: str) -> str | None:
    """The text of a hand-write task's reference solution, if it ships with the package."""
    from quizzer.resources import solutions_dir

    try:
        return (solutions_dir() / f"{task}.py").read_text(encoding="utf-8")
    except OSError:
        return None


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


# Hand-write tasks: `quizzer tasks`, `quizzer start`, `quizzer grade`.


def task_table(infos: list[TaskInfo], ready: set[str], passed: Mapping[str, datetime] | None = None) -> None:
    """`quizzer tasks`: one row per task, with a check mark and the date of the latest pass."""
    passed = passed or {}
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "title", "functions", "passed"):
        table.add_column(col, no_wrap=col in ("id", "passed"))
    for info in infos:
        title = info.title if info.id in ready else f"{info.title} (no tests yet)"
        when = passed.get(info.id)
        mark = f"[green]✓[/] {when.astimezone().strftime('%Y-%m-%d %H:%M')}" if when else ""
        table.add_row(info.id, escape(title), escape(", ".join(info.functions)), mark)
    out.print(table)
    done = f" You have passed {sum(i.id in passed for i in infos)} of them." if passed else ""
    out.print(f"{len(infos)} tasks.{done} 'quizzer start TASK' writes a starter file; 'quizzer grade FILE' checks it.")


def started(path: str, info: TaskInfo) -> None:
    """`quizzer start`: where the starter went and what to do next."""
    out.print(f"wrote {escape(path)}: implement {escape(', '.join(info.functions))}, then run")
    out.print(f"  quizzer grade {escape(path)}")


_STYLE = {"plain": "{}", "title": "[bold]{}[/]", "dim": "[dim]{}[/]", "hint": "[yellow]{}[/]", "fail": "[red]{}[/]",
          "verdict_pass": "[bold green]{}[/]", "verdict_fail": "[bold red]{}[/]"}
_MARK = {"pass": "[green]✓[/] ", "fail": "[red]✗[/] "}


def verdict(v: Verdict, hints: int = 0) -> None:
    """`quizzer grade`: the diagnosis, every case (failing first) with what it printed, then the summary line."""
    from quizzer.judge.report import verdict_lines

    judge_lines(verdict_lines(v, hints))


def judge_lines(lines: list) -> None:  # list[quizzer.judge.report.Line]
    """Print the judge's report lines with their styles."""
    for line in lines:
        text = _STYLE[line.style].format(escape(line.text))
        out.print(" " * line.indent + _MARK.get(line.mark, "") + text)
    sys.stdout.flush()


def watching(path: str, mechanism: str) -> None:
    """`quizzer grade --watch`: waiting for the next save."""
    out.print(f"[dim]watching {escape(path)} ({mechanism}); save to grade again, Ctrl-C to stop[/]")
    sys.stdout.flush()


def watch_separator(path: str) -> None:
    """`quizzer grade --watch`: a rule with the time before each grade, so runs are easy to tell apart."""
    import time

    out.rule(f"[dim]{time.strftime('%H:%M:%S')} · {escape(path)}[/]", style="dim")
    sys.stdout.flush()


def warning(message: str) -> None:
    """A one-line warning on stderr; the command goes on."""
    err.print(f"warning: {escape(message)}")


def problem(message: str) -> None:
    """A one-line error that does not end the command (a bad save during --watch)."""
    err.print(f"error: {escape(message)}")


def check_result(v: NumericVerdict | FormulaVerdict) -> None:
    """`quizzer check`: the verdict in one line, then the hint."""
    out.print(f"{'[green]✓[/]' if v.correct else '[red]✗[/]'} {escape(v.message)}")
    if v.hint:
        out.print(f"[yellow]hint:[/] {escape(v.hint)}")
    sys.stdout.flush()


def calculation(text: str) -> None:
    """`quizzer calc`: the value in sensible units."""
    out.print(escape(text))
    sys.stdout.flush()
