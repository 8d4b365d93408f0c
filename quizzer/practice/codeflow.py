"""A hand-write question inside practice or a mock: write the starter, wait for the candidate, grade it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from quizzer.errors import QuizzerError
from quizzer.kinds import kind_of
from quizzer.kinds.base import spec_of
from quizzer.messages import say
from quizzer.models import Code, Lang, Question
from quizzer.practice.prompter import Deadline, Prompter, Quit, TimedOut
from quizzer.practice.view import PracticeView

if TYPE_CHECKING:
    from quizzer.judge.report import HintLadder

NOT_GRADED = "not graded"
# Per task: the last grade and how far up its hint ladder `:hint` has gone (the explanation, then the fix).
_LADDERS: dict[str, HintLadder] = {}


def _ladder(task: str) -> HintLadder:
    from quizzer.judge.report import HintLadder

    return _LADDERS.setdefault(task, HintLadder())


def _warm_up() -> None:
    """Start the warm judge host while the candidate writes: every grade then skips importing torch."""
    from quizzer.judge.host import shared

    shared().start()


def prepare(question: Question, folder: Path) -> tuple[Path, bool]:
    """The candidate's file for this task and whether it was already there (work in progress is kept)."""
    from quizzer.judge.starter import write_starter

    task = spec_of(question, Code).task
    path = folder / f"{task}.py"
    if path.exists():
        return path, True
    folder.mkdir(parents=True, exist_ok=True)
    return write_starter(task, path), False


def judge(question: Question, path: Path, device: str, view: PracticeView) -> tuple[bool, float, str]:
    """Grade the file: (passed, share of cases passed, one-line summary); the verdict is shown in full."""
    from quizzer.judge.grading import grade
    from quizzer.judge.host import shared
    from quizzer.judge.passes import record_pass

    task = spec_of(question, Code).task
    try:
        verdict = grade(path, task, device, host=shared())
    except QuizzerError as exc:
        view.problem(exc.shown)
        return False, 0.0, exc.message
    record_pass(verdict)
    _ladder(task).reset(verdict)
    view.judged(verdict)
    passed = sum(1 for c in verdict.cases if c.passed)
    total = len(verdict.cases) or 1
    summary = f"{passed}/{total} cases passed" + (f"; forbidden: {', '.join(verdict.forbidden)}"
                                                   if verdict.forbidden else "")
    return verdict.passed, (passed / total if not verdict.forbidden else 0.0), summary


def _read_command(question: Question, prompter: Prompter, view: PracticeView, lang: Lang) -> str:
    """The next line that is not :hint or :help (those are answered here and asked again)."""
    while True:
        command = prompter.line().lower()
        if command == ":quit":
            raise Quit
        if command == ":hint":
            # After a failed grade: one more step of its hints; before any grade: what to write.
            steps = _ladder(spec_of(question, Code).task).next()
            for line in steps:
                view.note(" " * line.indent + line.text)
            if not steps:
                view.note(kind_of(question).hint(question, lang))
        elif command == ":help":
            view.note(say(lang, "code.help"))
        else:
            return command


def practice_code(question: Question, folder: Path, device: str, prompter: Prompter,
                  view: PracticeView, lang: Lang) -> tuple[Path, bool, float, str] | None:
    """Enter writes the starter, each further Enter grades; None when the candidate skips."""
    if _read_command(question, prompter, view, lang) == ":skip":
        return None
    path, existing = prepare(question, folder)
    _warm_up()
    # Where the file is and why there: the work folder (--workdir, default ./quizzer-work) keeps it between sessions.
    view.note(say(lang, "code.existing" if existing else "code.written", path=path, folder=folder.resolve()))
    result = (False, 0.0, NOT_GRADED)
    while True:
        view.note(say(lang, "code.edit", path=path))
        command = _read_command(question, prompter, view, lang)
        if command == ":skip":
            # A file that was graded and then given up on counts as that grade, not as a skip.
            return (path, *result) if result[2] != NOT_GRADED else None
        result = judge(question, path, device, view)
        if result[0]:
            return (path, *result)


def run_code_question(question: Question, folder: Path, device: str, prompter: Prompter, deadline: Deadline,
                      view: PracticeView, lang: Lang = "en") -> tuple[str, float, str]:
    """The mock's hand-write step: the starter is written at once, the file is graded on Enter or when time is up."""
    path, existing = prepare(question, folder)
    _warm_up()
    view.note(say(lang, "code.mock_existing" if existing else "code.mock_written", path=path))
    status = "answered"
    try:
        if prompter.line(timeout=deadline.left()).lower() == ":skip":
            return "skipped", 0.0, f"skipped ({path})"
    except TimedOut:
        # Pencils down: what is in the file when the clock runs out is what gets graded.
        view.note(say(lang, "code.time_up"))
        status = "timed-out"
    _passed, score, summary = judge(question, path, device, view)
    return status, score, summary
