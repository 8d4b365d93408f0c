"""`quizzer grade FILE`: run a task's hidden tests against a candidate's file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from quizzer import render, shapes
from quizzer.cli.app import app, emit_json
from quizzer.errors import EXIT_OK, EXIT_WRONG, QuizzerError

if TYPE_CHECKING:
    from quizzer.judge.host import WarmHost

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
    hints: int = typer.Option(0, "--hints", count=True,
                              help="Explain the failures: once for the explanation, twice for the fix too."),
) -> None:
    """Grade a hand-written solution against its task's hidden tests."""
    # The judge (and through it the child process that imports torch) is loaded only when grading.
    from quizzer.judge.grading import grade, task_conflict
    from quizzer.judge.passes import record_pass

    if device not in DEVICES:
        raise QuizzerError(f"unknown device {device!r} (one of {', '.join(DEVICES)})")
    if watch and as_json:
        raise QuizzerError("--watch prints for people; it cannot be combined with --json")
    conflict = task_conflict(file, task)
    if conflict:
        render.warning(conflict)
    host = _warm_host() if watch else None
    try:
        if watch:
            render.watch_separator(str(file))
        verdict = grade(file, task, device, timeout, host)
        record_pass(verdict)
        if as_json:
            emit_json({"version": JSON_VERSION, **shapes.grade_result(verdict)})
        else:
            render.verdict(verdict, hints)
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
            render.watching(str(file), watcher.mechanism)
            watcher.wait()
            render.watch_separator(str(file))
            try:
                verdict = grade(file, task, device, timeout, host)
                record_pass(verdict)
                render.verdict(verdict, hints)
            except QuizzerError as exc:
                render.problem(exc.message)
    finally:
        watcher.close()
