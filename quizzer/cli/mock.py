"""`quizzer mock`: a timed mock interview with a scorecard."""

from __future__ import annotations

import random
import time
import uuid
from pathlib import Path
from typing import Callable, List, Optional

import typer

from quizzer.cli import mock_view, practice_view
from quizzer.cli.app import app, lang_default
from quizzer.cli.options import load_banks
from quizzer.cli.prompter import Deadline, EndOfInput, Prompter, TimedOut
from quizzer.errors import EXIT_INTERRUPTED, QuizzerError
from quizzer.mock.markdown import to_markdown
from quizzer.mock.plan import MockPlan, PlanItem, make_plan
from quizzer.mock.scorecard import ItemResult, Scorecard, score
from quizzer.progress import save
from quizzer.session import Outcome, Session, UnreadableAnswer, rating_for
from quizzer.store import Store, open_store
from quizzer.store.db import data_dir, utcnow
from quizzer.store.mocks import save_mock

# (item, deadline) -> (status, score, seconds-independent feedback); the judge-backed one is the default.
CodeStep = Callable[[PlanItem, Deadline], tuple[str, float, str]]


class EndMock(Exception):
    """The candidate ended the mock early with :quit."""


class MockLoop:
    """Asks the plan's questions against one clock; every answer is saved as it is graded."""

    def __init__(self, plan: MockPlan, session: Session, store: Store, prompter: Prompter, clock: Callable[[], float],
                 practice: bool, code_step: CodeStep, sources: dict[str, str]) -> None:
        self.plan, self.session, self.store, self.prompter, self.clock = plan, session, store, prompter, clock
        self.practice, self.code_step, self.sources = practice, code_step, sources
        self.mock_id = uuid.uuid4().hex[:12]
        self.results: list[ItemResult] = []
        self.start = clock()
        self.deadline = Deadline(clock, self.start + plan.minutes * 60)

    def run(self) -> None:
        """Every item in order until the plan or the clock runs out."""
        for item in self.plan.items:
            if self.deadline.left() <= 0:
                break
            self.results.append(self.ask(item))

    def fill_not_reached(self) -> None:
        """Mark every item without a result as not reached."""
        for item in self.plan.items[len(self.results):]:
            self.results.append(ItemResult(item, "not-reached", 0.0, 0.0))

    def ask(self, item: PlanItem) -> ItemResult:
        index = len(self.results) + 1
        mock_view.prompt_header(index, item, self.deadline.left())
        asked = self.session.next()
        assert asked is not None and asked.question is item.question
        practice_view.question(asked, self.session.lang, self.sources)
        started = self.clock()
        if item.question.kind == "code":
            status, value, feedback = self.code_step(item, self.deadline)
            return ItemResult(item, status, value, self.clock() - started, feedback=feedback)
        while True:
            try:
                text = (self.prompter.block(deadline=self.deadline) if item.question.kind == "concept"
                        else self.prompter.line(timeout=self.deadline.left()))
            except TimedOut as exc:
                typed = exc.args[0] if exc.args else ""
                if typed:  # a concept answer cut short by the clock is graded on what was written
                    return self.graded(item, self.session.submit(typed), started, timed_out=True)
                mock_view.closed("time is up: this question is closed")
                self.session.skip()
                return ItemResult(item, "timed-out", 0.0, self.clock() - started, verdict="")
            command = text.lower()
            if command == ":quit":
                raise EndMock
            if command == ":skip":
                outcome = self.session.skip()
                save(self.store, outcome, None, "mock", self.mock_id, utcnow())
                return ItemResult(item, "skipped", 0.0, self.clock() - started)
            if command in (":hint", ":help"):
                practice_view.note("no hints in a mock; :skip moves on, :quit ends the mock")
                continue
            if not text and item.question.kind != "concept":
                continue
            try:
                return self.graded(item, self.session.submit(text), started)
            except UnreadableAnswer as exc:
                practice_view.note(f"could not read that: {exc.message}")

    def graded(self, item: PlanItem, outcome: Outcome, started: float, timed_out: bool = False) -> ItemResult:
        rating = None
        lang = self.session.lang
        if outcome.verdict == "unrated":
            if self.practice:
                practice_view.concept_review(outcome, lang)
            rating = self.self_rating(outcome)
        elif self.practice:
            practice_view.verdict(outcome, lang)
        if not self.practice:
            practice_view.note("answer recorded")
        save(self.store, outcome, rating if rating is not None else rating_for(outcome), "mock", self.mock_id,
             utcnow())
        return ItemResult(item, "timed-out" if timed_out else "answered", outcome.score, self.clock() - started,
                          answer=outcome.answer, verdict=outcome.verdict, self_rating=rating,
                          feedback=outcome.message + (f" ({outcome.hint})" if outcome.hint else ""))

    def self_rating(self, outcome: Outcome) -> int | None:
        practice_view.out.print("How well did you answer? 1 Again · 2 Hard · 3 Good · 4 Easy (Enter: skip rating)")
        while True:
            try:
                text = self.prompter.line("rating> ", timeout=max(self.deadline.left(), 0.001))
            except TimedOut:
                return None
            if not text:
                return None
            if text in ("1", "2", "3", "4"):
                return int(text)
            practice_view.note("type 1-4, or press Enter")


def finish(loop: MockLoop, store: Store, lang: str, started_utc, report: Path | None, interrupted: bool) -> Scorecard:  # type: ignore[no-untyped-def]
    """Score, write the Markdown report (data folder, and --report), store the mock, show the scorecard."""
    loop.fill_not_reached()
    card = score(loop.plan, loop.results, min(loop.clock() - loop.start, loop.plan.minutes * 60), interrupted)
    text = to_markdown(card, "zh" if lang == "zh" else "en", started_utc)
    folder = data_dir() / "mocks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{started_utc.strftime('%Y%m%d-%H%M%S')}-{loop.mock_id}.md"
    path.write_text(text, encoding="utf-8")
    if report is not None:
        try:
            report.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise QuizzerError(f"cannot write the report to {report}: {exc.strerror} (a copy is in {path})") from exc
    summary = {"overall": card.overall, "sections": {s.name: s.score for s in card.sections},
               "items": [{"id": r.item.question.id, "status": r.status, "score": r.score, "seconds": r.seconds,
                          "budget": r.item.budget} for r in card.results]}
    save_mock(store, loop.mock_id, started_utc, utcnow(), loop.plan.minutes, loop.plan.track, loop.plan.seed,
              card.overall, str(report or path), summary)
    mock_view.scorecard(card, str(report or path))
    return card


def judge_code_step(workdir: Path, device: str, prompter: Prompter) -> CodeStep:
    """The hand-write step backed by the judge (imported only when a mock reaches its coding question)."""

    def step(item: PlanItem, deadline: Deadline) -> tuple[str, float, str]:
        from quizzer.cli.codeflow import run_code_question

        return run_code_question(item.question, workdir, device, prompter, deadline)

    return step


@app.command("mock")
def mock(
    minutes: float = typer.Option(45, "--minutes", help="Length of the round."),
    track: str = typer.Option("general", help="general, training or inference."),
    seed: Optional[int] = typer.Option(None, help="Seed for the plan (the same seed gives the same round)."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the Markdown scorecard here."),
    practice: bool = typer.Option(False, "--practice", help="Show feedback after each answer."),
    lang: str = typer.Option(lang_default(), help="zh or en."),
    workdir: Optional[Path] = typer.Option(None, help="Folder for the hand-write starter (default: data folder)."),
    device: str = typer.Option("cpu", help="Device for the hand-write task: cpu or cuda."),
    bank: Optional[List[Path]] = typer.Option(None, "--bank", help="Extra bank folder or file (repeatable)."),
) -> None:
    """A timed mock interview: concepts, an estimate, a quick check and a hand-write task, then a scorecard."""
    if lang not in ("zh", "en"):
        raise QuizzerError("--lang must be zh or en")
    catalog = load_banks(bank)
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 10**6)
    the_plan = make_plan(catalog.questions, minutes, track, seed)
    store = open_store()
    prompter = Prompter()
    session = Session([i.question for i in the_plan.items], "zh" if lang == "zh" else "en", random.Random(seed),
                      time.monotonic)
    folder = workdir or data_dir() / "mock-work"
    loop = MockLoop(the_plan, session, store, prompter, time.monotonic, practice,
                    judge_code_step(folder, device, prompter), dict(catalog.sources))
    mock_view.plan(the_plan, practice)
    started = utcnow()
    try:
        try:
            loop.run()
            interrupted = False
        except (EndMock, EndOfInput):
            interrupted = len(loop.results) < len(the_plan.items)
        except KeyboardInterrupt:
            finish(loop, store, lang, started, report, interrupted=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        finish(loop, store, lang, started, report, interrupted)
    finally:
        store.close()
