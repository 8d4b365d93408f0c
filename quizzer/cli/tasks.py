"""`quizzer tasks` and `quizzer start`: list the hand-write tasks, write a starter file."""

from __future__ import annotations

from pathlib import Path

import typer

from quizzer.cli import judge_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language
from quizzer.judge import catalog
from quizzer.judge.grading import ready
from quizzer.judge.starter import write_starter


@app.command("tasks")
def list_tasks(as_json: JsonOption = False, lang: LangOption = "en") -> None:
    """List the hand-write tasks."""
    from quizzer.judge.passes import passed_tasks

    infos = list(catalog.tasks().values())
    passed = passed_tasks()
    if as_json:
        emit_json(shapes.task_list(infos, passed))
    else:
        judge_view.task_table(infos, {info.id for info in infos if ready(info.id)}, passed, language(lang))


@app.command("start")
def start_task(
    task: str = typer.Argument(..., metavar="TASK", help="Task id, e.g. attention (see 'quizzer tasks')."),
    path: Path | None = typer.Argument(None, metavar="[PATH]", help="File or folder to write (default ./TASK.py)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    lang: LangOption = "en",
) -> None:
    """Write a starter file for a hand-write task."""
    written = write_starter(task, path, force)
    judge_view.started(str(written), catalog.tasks()[task], language(lang))
