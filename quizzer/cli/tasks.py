"""`quizzer tasks` and `quizzer start`: list the hand-write tasks, write a starter file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from quizzer import render, shapes
from quizzer.cli.app import app, emit_json
from quizzer.judge import catalog
from quizzer.judge.grading import ready
from quizzer.judge.starter import write_starter


@app.command("tasks")
def list_tasks(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the hand-write tasks."""
    from quizzer.judge.passes import passed_tasks

    infos = list(catalog.tasks().values())
    passed = passed_tasks()
    if as_json:
        emit_json([shapes.task_summary(info) | {"passed_at": passed[info.id].isoformat() if info.id in passed else None}
                   for info in infos])
    else:
        render.task_table(infos, {info.id for info in infos if ready(info.id)}, passed)


@app.command("start")
def start_task(
    task: str = typer.Argument(..., metavar="TASK", help="Task id, e.g. attention (see 'quizzer tasks')."),
    path: Optional[Path] = typer.Argument(None, metavar="[PATH]", help="File or folder to write (default ./TASK.py)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a starter file for a hand-write task."""
    written = write_starter(task, path, force)
    render.started(str(written), catalog.tasks()[task])
