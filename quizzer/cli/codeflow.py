"""A hand-write question inside practice or a mock: write the starter, wait for the candidate, grade it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from quizzer import render
from quizzer.cli import practice_view as view
from quizzer.cli.prompter import Deadline, Prompter, Quit, TimedOut
from quizzer.errors import QuizzerError
from quizzer.models import Code, Question

if TYPE_CHECKING:
    from quizzer.judge.report import HintLadder

# Per task: the last grade and how far up its hint ladder `:hint` has gone.
_LADDERS: dict[str, HintLadder] = {}


def prepare(question: Question, folder: Path) -> Path:
    """The candidate's file for this task: an existing one is kept (work in progress), else the starter."""
    from quizzer.judge.starter import write_starter

    spec = question.spec
    assert isinstance(spec, Code)
    path = folder / f"{spec.task}.py"
    if path.exists():
        view.note(f"using your existing {path}")
        return path
    folder.mkdir(parents=True, exist_ok=True)
    return write_starter(spec.task, path)


def _warm_up() -> None:
    """Start the warm judge host while the candidate writes, so every grade skips importing torch."""
    from quizzer.judge.host import shared

    shared().start()


def _ladder(task: str) -> HintLadder:
    from quizzer.judge.report import HintLadder

    return _LADDERS.setdefault(task, HintLadder())


def judge(question: Question, path: Path, device: str) -> tuple[bool, float, str]:
    """Grade the file: (passed, share of cases passed, one-line summary); the verdict is shown in full."""
    from quizzer.judge.grading import grade
    from quizzer.judge.host import shared
    from quizzer.judge.passes import record_pass

    spec = question.spec
    assert isinstance(spec, Code)
    try:
        verdict = grade(path, spec.task, device, host=shared())
    except QuizzerError as exc:
        render.problem(exc.message)
        return False, 0.0, exc.message
    record_pass(verdict)
    _ladder(spec.task).reset(verdict)
    render.verdict(verdict)
    passed = sum(1 for c in verdict.cases if c.passed)
    total = len(verdict.cases) or 1
    summary = f"{passed}/{total} cases passed" + (f"; forbidden: {', '.join(verdict.forbidden)}"
                                                   if verdict.forbidden else "")
    return verdict.passed, (passed / total if not verdict.forbidden else 0.0), summary


def _read_command(question: Question, prompter: Prompter) -> str:
    """The next line that is not :hint or :help (those are answered here and asked again)."""
    from quizzer.judge.catalog import tasks

    spec = question.spec
    assert isinstance(spec, Code)
    while True:
        command = prompter.line().lower()
        if command == ":quit":
            raise Quit
        if command == ":hint" and (lines := _ladder(spec.task).next()):
            render.judge_lines(lines)  # one more step of the last grade's hints: the explanation, then the fix
        elif command == ":hint":
            info = tasks()[spec.task]
            banned = f"; not allowed: {', '.join(info.forbidden)}" if info.forbidden else ""
            view.note(f"write {', '.join(info.functions)}{banned}")
        elif command == ":help":
            view.note("Enter: write the starter, then grade your file · :hint · :skip · :quit")
        else:
            return command


def practice_code(question: Question, folder: Path, device: str, prompter: Prompter) -> tuple[Path, bool, float, str] | None:
    """Enter writes the starter, each further Enter grades; None when the candidate skips."""
    if _read_command(question, prompter) == ":skip":
        return None
    path = prepare(question, folder)
    _warm_up()
    result = (False, 0.0, "not graded")
    while True:
        view.note(f"edit {path}, then press Enter to grade it (:skip to move on, :quit to stop)")
        command = _read_command(question, prompter)
        if command == ":skip":
            # A file that was graded and then given up on counts as that grade, not as a skip.
            return (path, *result) if result[2] != "not graded" else None
        result = judge(question, path, device)
        if result[0]:
            return (path, *result)


def run_code_question(question: Question, folder: Path, device: str, prompter: Prompter,
                      deadline: Deadline) -> tuple[str, float, str]:
    """The mock's hand-write step: the starter is written at once, the file is graded on Enter or when time is up."""
    path = prepare(question, folder)
    _warm_up()
    view.note(f"write your solution in {path}; press Enter to grade it (:skip to give up)")
    status = "answered"
    try:
        if prompter.line(timeout=deadline.left()).lower() == ":skip":
            return "skipped", 0.0, f"skipped ({path})"
    except TimedOut:
        # Pencils down: what is in the file when the clock runs out is what gets graded.
        view.note("time is up: grading your file as it is")
        status = "timed-out"
    passed, score, summary = judge(question, path, "cpu" if device not in ("cpu", "cuda") else device)
    return status, score, summary
