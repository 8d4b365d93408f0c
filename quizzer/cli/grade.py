"""`quizzer grade FILE`: run a task's hidden tests against a candidate's file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quizzer.cli import judge_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import DeviceOption, JsonOption
from quizzer.errors import EXIT_OK, EXIT_WRONG, QuizzerError
from quizzer.messages import Said

if TYPE_CHECKING:
    from quizzer.judge.host import WarmHost


@app.command("grade")
def grade_file(
    file: Path = typer.Argument(..., metavar="FILE", help="Your solution (starts with '# quizzer: task=ID')."),
    task: str | None = typer.Option(None, "--task", help="Task id, if the file has no header line."),
    device: DeviceOption = "cpu",
    as_json: JsonOption = False,
    watch: bool = typer.Option(False, "--watch", help="Grade again on every save (Ctrl-C to stop)."),
    timeout: float = typer.Option(20.0, "--timeout", min=1.0, help="Seconds your code may run in all (per grade)."),
    hints: int = typer.Option(0, "--hints", count=True,
                              help="Explain the failures: once for the explanation, twice for the fix too."),
) -> None:
    """Grade a hand-written solution against its task's hidden tests."""
    # The judge (and through it the child process that imports torch) is loaded only when grading.
    from quizzer.judge.grading import grade, task_conflict
    from quizzer.judge.passes import record_pass

    if watch and as_json:
        raise QuizzerError(Said("grade.watch_json"))
    conflict = task_conflict(file, task)
    if conflict:
        judge_view.warning(conflict)
    host = _warm_host() if watch else None
    try:
        if watch:
            judge_view.watch_separator(str(file))
        verdict = grade(file, task, device, timeout, host)
        record_pass(verdict)
        if as_json:
            emit_json(shapes.grade_result(verdict))
        else:
            judge_view.verdict(verdict, hints)
        if watch:
            assert host is not None
            _watch(file, task, device, timeout, hints, host)
    finally:
        if host is not None:
            host.close()
    raise typer.Exit(EXIT_OK if verdict.passed else EXIT_WRONG)


def _warm_host() -> WarmHost:
    """A warm host for --watch: torch is imported once, every save is graded in a fresh fork."""
    from quizzer.judge.host import WarmHost

    host = WarmHost()
    host.start()
    return host


def _watch(file: Path, task: str | None, device: str, timeout: float, hints: int, host: WarmHost) -> None:
    """Grade on every save until interrupted; a broken save is reported and the watch goes on."""
    from quizzer.judge.grading import grade
    from quizzer.judge.passes import record_pass
    from quizzer.judge.watch import Watcher

    watcher = Watcher(file)
    try:
        while True:
            judge_view.watching(str(file), watcher.mechanism)
            watcher.wait()
            judge_view.watch_separator(str(file))
            try:
                verdict = grade(file, task, device, timeout, host)
                record_pass(verdict)
                judge_view.verdict(verdict, hints)
            except QuizzerError as exc:
                judge_view.problem(exc.shown)
    finally:
        watcher.close()
