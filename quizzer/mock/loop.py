"""The mock's loop: the plan's questions against one clock, every answer saved as it is graded."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from quizzer.kinds import UnreadableAnswer, kind_of
from quizzer.messages import say
from quizzer.mock.plan import MockPlan, PlanItem
from quizzer.mock.scorecard import ItemResult
from quizzer.mock.view import LiveStatus, MockView
from quizzer.models import Lang, Rating
from quizzer.practice.followup import FollowUp
from quizzer.practice.progress import save
from quizzer.practice.prompter import Deadline, Prompter, TimedOut
from quizzer.practice.session import Outcome, Session
from quizzer.store import Store
from quizzer.store.db import utcnow

# (item, deadline) -> (status, score, feedback); the judge-backed one is the default.
CodeStep = Callable[[PlanItem, Deadline], tuple[str, float, str]]


class EndMock(Exception):
    """The candidate ended the mock early with :quit."""


class MockLoop:
    """Asks the plan's questions against one clock; every answer is saved as it is graded."""

    def __init__(self, plan: MockPlan, session: Session, store: Store, prompter: Prompter, clock: Callable[[], float],
                 practice: bool, code_step: CodeStep, sources: Mapping[str, str], view: MockView) -> None:
        self.plan, self.session, self.store, self.prompter, self.clock = plan, session, store, prompter, clock
        self.practice, self.code_step, self.sources, self.view = practice, code_step, sources, view
        self.mock_id = uuid.uuid4().hex[:12]
        self.results: list[ItemResult] = []
        self.opened: tuple[PlanItem, float] | None = None  # the question on screen and when it was asked
        self.warned: PlanItem | None = None  # the last question whose budget ran out
        self.start = clock()
        self.deadline = Deadline(clock, self.start + plan.minutes * 60)

    def run(self) -> None:
        """Every item in order until the plan or the clock runs out, with a live clock while the candidate types."""
        self.view.live_start()
        self.prompter.tick = self.tick
        try:
            for item in self.plan.items:
                if self.deadline.left() <= 0:
                    break
                self.opened = (item, self.clock())
                self.results.append(self.ask(item))
                self.opened = None
        finally:
            self.prompter.tick = None
            self.view.live_stop()

    def tick(self) -> None:
        """Redraw the live clock; the first tick past the question's budget warns once."""
        if self.opened is None:
            return
        item, started = self.opened
        status = LiveStatus(len(self.results) + 1, len(self.plan.items), item, self.clock() - started,
                            self.deadline.left())
        self.view.live(status)
        if status.over and self.warned is not item:
            self.warned = item
            self.view.budget_passed(status)

    def fill_not_reached(self) -> None:
        """Close the question open when the mock ended early (quit), and mark the rest as not reached."""
        if self.opened is not None and len(self.results) < len(self.plan.items):
            item, started = self.opened
            self.results.append(ItemResult(item, "quit", 0.0, self.clock() - started,
                                           prompt=self._prompt(item), reference=self._reference(item)))
            self.opened = None
        for item in self.plan.items[len(self.results):]:
            self.results.append(ItemResult(item, "not-reached", 0.0, 0.0))

    def _reference(self, item: PlanItem) -> str:
        """The right answer to the item as it was asked (its drawn variant), for the report."""
        asked = self.session.current
        params = asked.params if asked is not None and asked.question is item.question else None
        return kind_of(item.question).reference(item.question, params, self.session.lang)

    def _prompt(self, item: PlanItem) -> str:
        asked = self.session.current
        if asked is not None and asked.question is item.question:
            return asked.prompt
        return kind_of(item.question).prompt(item.question, self.session.lang)

    def ask(self, item: PlanItem) -> ItemResult:
        """One item: a typed answer, a skip, the clock running out, or the hand-write step."""
        self.view.clock(len(self.results) + 1, item, self.deadline.left())
        asked = self.session.next()
        assert asked is not None
        assert asked.question is item.question
        self.view.question(asked, self.sources)
        started = self.clock()
        kind = kind_of(item.question)
        if not kind.typed:
            status, value, feedback = self.code_step(item, self.deadline)
            closed = self.session.skip()  # the judge graded the file; this only closes the question
            if self.practice and status == "skipped":
                self.view.verdict(closed)  # with --practice a skip shows the reference solution
            return ItemResult(item, status, value, self.clock() - started, feedback=feedback, prompt=asked.prompt,
                              reference=closed.reference)
        while True:
            try:
                text = (self.prompter.block(deadline=self.deadline) if kind.multiline
                        else self.prompter.line(timeout=self.deadline.left()))
            except TimedOut as exc:
                typed = exc.args[0] if exc.args else ""
                if typed:  # an answer cut short by the clock is graded on what was written
                    return self.graded(item, self.session.submit(typed), started, timed_out=True)
                self.view.closed(say(self.session.lang, "mock.time_up"))
                return self.unanswered(item, "timed-out", started)
            command = text.lower()
            if command == ":quit":
                raise EndMock
            if command == ":skip":
                return self.unanswered(item, "skipped", started)
            if command in (":hint", ":help"):
                self.view.note(say(self.session.lang, "mock.no_hints"))
                continue
            if not text:  # a stray Enter is not an answer: only :skip gives up
                self.view.note(say(self.session.lang, "mock.empty.block" if kind.multiline else "mock.empty.line"))
                continue
            try:
                return self.graded(item, self.session.submit(text), started)
            except UnreadableAnswer as exc:
                self.view.note(say(self.session.lang, "unreadable", reason=exc.message))

    def unanswered(self, item: PlanItem, status: str, started: float) -> ItemResult:
        """A question skipped (saved as skipped; with --practice its answer is shown) or closed by the clock."""
        outcome = self.session.skip()
        if status == "skipped":
            save(self.store, outcome, None, "mock", self.mock_id, utcnow())
            if self.practice:
                self.view.verdict(outcome)
        return ItemResult(item, status, 0.0, self.clock() - started, prompt=outcome.asked.prompt,
                          reference=outcome.reference)

    def graded(self, item: PlanItem, outcome: Outcome, started: float, timed_out: bool = False) -> ItemResult:
        """Show (with --practice) and save a graded answer; a self-rated one asks for the rating."""
        rating = None
        kind = kind_of(item.question)
        review = kind.review(item.question, outcome.detail, self.session.lang)
        if outcome.verdict == "unrated":
            if self.practice:
                self.view.review(outcome)
            rating = self.self_rating()
            if rating is None:
                self.view.note(say(self.session.lang, "mock.unrated"))
        elif self.practice:
            self.view.verdict(outcome)
        if not self.practice:
            self.view.note(say(self.session.lang, "mock.recorded"))
        # A self-rated answer keeps the candidate's rating or none at all, never an implied Again.
        save(self.store, outcome, rating if outcome.verdict == "unrated" else outcome.implied_rating, "mock",
             self.mock_id, utcnow())
        exchange = None if timed_out else self.follow_up(item, outcome, started)
        return ItemResult(item, "timed-out" if timed_out else "answered", outcome.score, self.clock() - started,
                          answer=outcome.answer, verdict=outcome.verdict, self_rating=rating,
                          feedback=outcome.message + (f" ({outcome.hint})" if outcome.hint else ""),
                          prompt=outcome.asked.prompt, reference=outcome.reference, review=review,
                          follow_up=exchange)

    def follow_up(self, item: PlanItem, outcome: Outcome, started: float) -> FollowUp | None:
        """With an LLM, one follow-up on a concept answer, answered within what is left of the question's budget."""
        from quizzer.practice.followup import MIN_SECONDS, grade_reply, question_for

        config, lang = self.session.llm, self.session.lang
        end = min(started + item.budget, self.deadline.at)
        if config is None or end - self.clock() < MIN_SECONDS:
            return None
        question = question_for(outcome, config, lang)
        if question is None or end - self.clock() < MIN_SECONDS:
            return None
        self.view.follow_up(question)
        try:
            reply = self.prompter.block(deadline=Deadline(self.clock, end))
        except TimedOut as exc:  # the budget ran out: the reply is graded on what was written
            reply = exc.args[0] if exc.args else ""
        if reply.lower() == ":quit":
            raise EndMock
        exchange = grade_reply(outcome, question, "" if reply.lower() == ":skip" else reply, config, lang)
        if self.practice:
            self.view.follow_up_result(exchange)
        return exchange

    def self_rating(self) -> Rating | None:
        """The candidate's rating by number; Enter (or the clock) leaves it unrated."""
        lang = self.session.lang
        self.view.say(say(lang, "mock.rate", items=" · ".join(f"{int(r)} {say(lang, f'rating.{int(r)}')}"
                                                               for r in Rating)))
        while True:
            try:
                text = self.prompter.line("rating> ", timeout=max(self.deadline.left(), 0.001))
            except TimedOut:
                return None
            if not text:
                return None
            if text in {str(int(r)) for r in Rating}:
                return Rating(int(text))
            self.view.note(say(self.session.lang, "mock.rate.again"))


def judge_code_step(workdir: Path, device: str, prompter: Prompter, view: MockView, lang: Lang = "en") -> CodeStep:
    """The hand-write step backed by the judge (imported only when a mock reaches its coding question)."""

    def step(item: PlanItem, deadline: Deadline) -> tuple[str, float, str]:
        from quizzer.practice.codeflow import run_code_question

        return run_code_question(item.question, workdir, device, prompter, deadline, view, lang)

    return step
