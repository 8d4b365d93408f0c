"""`quizzer grade FILE`: run a task's hidden tests against a candidate's file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from quizzer import render, shapes
from quizzer.cli.app import app, emit_json
from quizzer.errors import EXIT_OK, EXIT_WRONG, QuizzerError

DEVICES = ("cpu", "cuda")
# The shape of `grade --json` (shared/contracts/cli.md); raised when a field changes meaning or goes away.
JSON_VERSION = 1


@app.command("grade")
def grade_file(
    file: Path = typer.Argument(..., metavar="FILE", help="Your solution (starts with '# quizzer: task=ID')."),
    task: Optional[str] = typer.Option(None, "--task", help="Task id, if the file has no header line."),
    device: str = typer.Option("cpu", "--device", help="cpu or cuda: where the cases run."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    watch: bool = typer.Option(False, "--watch", help="Grade again on every save (Ctrl-C to stop)."),
    timeout: float = typer.Option(20.0, "--timeout", min=1.0, help="Seconds your code may run in all (per grade)."),
) -> None:
    """Grade a hand-written solution against its task's hidden tests."""
    # The judge (and through it the child process that imports torch) is loaded only when grading.
    from quizzer.judge.grading import grade

    if device not in DEVICES:
        raise QuizzerError(f"unknown device {device!r} (one of {', '.join(DEVICES)})")
    if watch and as_json:
        raise QuizzerError("--watch prints for people; it cannot be combined with --json")
    verdict = grade(file, task, device, timeout)
    if as_json:
        emit_json({"version": JSON_VERSION, **shapes.grade_result(verdict)})
    else:
        render.verdict(verdict)
    if watch:
        _watch(file, task, device, timeout)
    raise typer.Exit(EXIT_OK if verdict.passed else EXIT_WRONG)


def _watch(file: Path, task: str | None, device: str, timeout: float) -> None:
    """Grade on every save until interrupted; a broken save is reported and the watch goes on."""
    from quizzer.judge.grading import grade
    from quizzer.judge.watch import Watcher

    watcher = Watcher(file)
    try:
        while True:
            render.watching(str(file), watcher.mechanism)
            watcher.wait()
            try:
                render.verdict(grade(file, task, device, timeout))
            except QuizzerError as exc:
                render.problem(exc.message)
    finally:
        watcher.close()
