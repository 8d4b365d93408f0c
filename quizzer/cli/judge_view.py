"""How the hand-write tasks look: `tasks`, `start` and `grade` (also inside practice and the mock)."""

from __future__ import annotations

import sys

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, err, out
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict

OUTPUT_LINES = 20


def task_table(infos: list[TaskInfo], ready: set[str]) -> None:
    """`quizzer tasks`: one row per task."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "title", "functions"):
        table.add_column(col, no_wrap=col == "id")
    for info in infos:
        title = info.title if info.id in ready else f"{info.title} (no tests yet)"
        table.add_row(info.id, escape(title), escape(", ".join(info.functions)))
    out.print(table)
    out.print(f"{counted(len(infos), 'task')}. 'quizzer start TASK' writes a starter file; "
              "'quizzer grade FILE' checks it.")


def started(path: str, info: TaskInfo) -> None:
    """`quizzer start`: where the starter went and what to do next."""
    out.print(f"wrote {escape(path)}: implement {escape(', '.join(info.functions))}, then run")
    out.print(f"  quizzer grade {escape(path)}")


def verdict(v: Verdict) -> None:
    """`quizzer grade`: every case, what went wrong and why, then the summary line."""
    out.print(f"[bold]{escape(v.file)}[/] · task {escape(v.task)} · {v.device}")
    width = max(len(c.name) for c in v.cases)
    previous: tuple[str, tuple[str, ...], str | None] | None = None
    for c in v.cases:
        mark = "[green]✓[/]" if c.passed else "[red]✗[/]"
        out.print(f"  {mark} {escape(c.name.ljust(width))}  {escape(c.label)}".rstrip())
        if c.passed:
            if c.hint:  # a passing case's note (the judge's precision policy)
                out.print(f"      [dim]note: {escape(c.hint)}[/]")
            continue
        if (c.message, c.trace, c.hint) == previous:
            out.print("      [dim](same as above)[/]")
            continue
        previous = (c.message, c.trace, c.hint)
        out.print(f"      {escape(c.message)}")
        for line in c.trace:
            out.print(f"      [dim]{escape(line)}[/]")
        if c.hint:
            out.print(f"      [yellow]hint:[/] {escape(c.hint)}")
    if v.forbidden:
        out.print("[red]forbidden APIs used:[/] " + escape(", ".join(v.forbidden)))
    if v.output.strip():
        lines = v.output.rstrip().splitlines()
        more = " (first 20 lines)" if len(lines) > OUTPUT_LINES or v.output_total > len(v.output) else ""
        out.print(f"[dim]your code printed{more}:[/]")
        for line in lines[:OUTPUT_LINES]:
            out.print(f"  [dim]{escape(line)}[/]")
    passed = sum(c.passed for c in v.cases)
    if v.passed:
        out.print(f"[bold green]PASS[/] {'all ' if passed > 1 else ''}{counted(passed, 'case')} "
                  f"({v.seconds:.1f} s)")
    else:
        out.print(f"[bold red]FAIL[/] {passed} of {counted(len(v.cases), 'case')} passed ({v.seconds:.1f} s)")
    sys.stdout.flush()


def watching(path: str, mechanism: str) -> None:
    """`quizzer grade --watch`: waiting for the next save."""
    out.print(f"[dim]watching {escape(path)} ({mechanism}); save to grade again, Ctrl-C to stop[/]")
    sys.stdout.flush()


def problem(message: str) -> None:
    """A one-line error that does not end the command (a bad save during --watch)."""
    err.print(f"error: {escape(message)}")
