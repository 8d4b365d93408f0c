"""`quizzer grade FILE`: run a task's hidden tests against a candidate's file."""

from __future__ import annotations

from pathlib import Path

import typer

from quizzer.cli import judge_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import DeviceOption, JsonOption
from quizzer.errors import EXIT_OK, EXIT_WRONG, QuizzerError


@app.command("grade")
def grade_file(
    file: Path = typer.Argument(..., metavar="FILE", help="Your solution (starts with '# quizzer: task=ID')."),
    task: str | None = typer.Option(None, "--task", help="Task id, if the file has no header line."),
    device: DeviceOption = "cpu",
    as_json: JsonOption = False,
    watch: bool = typer.Option(False, "--watch", help="Grade again on every save (Ctrl-C to stop)."),
    timeout: float = typer.Option(20.0, "--timeout", min=1.0, help="Seconds your code may run in all (per grade)."),
) -> None:
    """Grade a hand-written solution against its task's hidden tests."""
    # The judge (and through it the child process that imports torch) is loaded only when grading.
    from quizzer.judge.grading import grade

    if watch and as_json:
        raise QuizzerError("--watch prints for people; it cannot be combined with --json")
    verdict = grade(file, task, device, timeout)
    if as_json:
        emit_json(shapes.grade_result(verdict))
    else:
        judge_view.verdict(verdict)
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
            judge_view.watching(str(file), watcher.mechanism)
            watcher.wait()
            try:
                judge_view.verdict(grade(file, task, device, timeout))
            except QuizzerError as exc:
                judge_view.problem(exc.message)
    finally:
        watcher.close()
