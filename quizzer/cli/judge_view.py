"""How the hand-write tasks look: `tasks`, `start` and `grade` (also inside practice and the mock)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, err, narrow, out
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict
from quizzer.messages import Said, current, say

OUTPUT_LINES = 20


def task_table(infos: list[TaskInfo], ready: set[str], passed: Mapping[str, datetime] | None = None,
               lang: str = "en") -> None:
    """`quizzer tasks`: one row per task, with a check mark and the date of the latest pass.

    At a narrow width the functions (the starter file names them) give way and a pass shows its date only.
    """
    passed = passed or {}
    slim = narrow()
    columns = ("id", "title", "passed") if slim else ("id", "title", "functions", "passed")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in columns:
        table.add_column(say(lang, "col.id") if col == "id" else say(lang, f"tasks.col.{col}"),
                         no_wrap=col in ("id", "passed"))
    for info in infos:
        title = info.title if info.id in ready else say(lang, "tasks.no_tests", title=info.title)
        when = passed.get(info.id)
        mark = f"[green]✓[/] {when.astimezone().strftime('%Y-%m-%d' if slim else '%Y-%m-%d %H:%M')}" if when else ""
        cells = {"id": info.id, "title": escape(title), "functions": escape(", ".join(info.functions)), "passed": mark}
        table.add_row(*(cells[c] for c in columns))
    out.print(table)
    done = say(lang, "tasks.passed", n=sum(i.id in passed for i in infos)) if passed else ""
    out.print(escape(say(lang, "tasks.footer", count=counted(len(infos), "task", lang), done=done)))


def started(path: str, info: TaskInfo, lang: str = "en") -> None:
    """`quizzer start`: where the starter went and what to do next."""
    out.print(escape(say(lang, "start.wrote", path=path, functions=", ".join(info.functions))))
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


def _in_run_language(key: str, message: str | Said) -> str:
    """`error: ...` or `warning: ...` in the run's language; a message not in the catalog stays wholly English."""
    lang = current() if isinstance(message, Said) else "en"
    return say(lang, key, message=message.get(lang) if isinstance(message, Said) else message)


def warning(message: str | Said) -> None:
    """A one-line warning on stderr; the command goes on."""
    err.print(escape(_in_run_language("warning", message)))


def watching(path: str, mechanism: str, lang: str = "en") -> None:
    """`quizzer grade --watch`: waiting for the next save."""
    out.print(f"[dim]{escape(say(lang, 'grade.watching', path=path, mechanism=mechanism))}[/]")
    sys.stdout.flush()


def problem(message: str | Said) -> None:
    """A one-line error that does not end the command (a bad save during --watch)."""
    err.print(escape(_in_run_language("error", message)))
