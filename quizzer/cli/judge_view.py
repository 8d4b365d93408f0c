"""How the hand-write tasks look: `tasks`, `start` and `grade` (also inside practice and the mock)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, err, out
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict

OUTPUT_LINES = 20


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
    out.print(f"{counted(len(infos), 'task')}.{done} 'quizzer start TASK' writes a starter file; "
              "'quizzer grade FILE' checks it.")


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

    for line in verdict_lines(v, hints):
        text = _STYLE[line.style].format(escape(line.text))
        out.print(" " * line.indent + _MARK.get(line.mark, "") + text)
    sys.stdout.flush()


def watch_separator(path: str) -> None:
    """`quizzer grade --watch`: a rule with the time before each grade, so runs are easy to tell apart."""
    import os
    import time

    # The file's name, not its path: a long path would be cut short in the rule.
    out.rule(f"[dim]{time.strftime('%H:%M:%S')} · {escape(os.path.basename(path))}[/]", style="dim")
    sys.stdout.flush()


def warning(message: str) -> None:
    """A one-line warning on stderr; the command goes on."""
    err.print(f"warning: {escape(message)}")


def watching(path: str, mechanism: str) -> None:
    """`quizzer grade --watch`: waiting for the next save."""
    out.print(f"[dim]watching {escape(path)} ({mechanism}); save to grade again, Ctrl-C to stop[/]")
    sys.stdout.flush()


def problem(message: str) -> None:
    """A one-line error that does not end the command (a bad save during --watch)."""
    err.print(f"error: {escape(message)}")
