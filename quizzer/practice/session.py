"""The practice session as a pure state machine: choose questions, present them, grade answers."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from quizzer.errors import QuizzerError
from quizzer.kinds import kind_of
from quizzer.models import Lang, Params, Question, Rating, Summary


@dataclass(frozen=True)
class Filters:
    """Which questions a session may ask."""

    topic: str | None = None
    tag: str | None = None
    kind: str | None = None
    due_only: bool = False


# Whole questions or their summaries: choosing reads only ids, topics, kinds and tags.
Choosable = TypeVar("Choosable", Question, Summary)


def choose(questions: Sequence[Choosable], filters: Filters, count: int, rng: random.Random,
           due: Mapping[str, datetime], now: datetime) -> list[Choosable]:
    """Overdue reviews first (most overdue first), then new questions, then the rest by due date."""
    pool = [q for q in questions
            if (not filters.topic or q.topic == filters.topic) and (not filters.kind or q.kind == filters.kind)
            and (not filters.tag or filters.tag in q.tags)]
    overdue = sorted((q for q in pool if q.id in due and due[q.id] <= now), key=lambda q: due[q.id])
    if filters.due_only:
        return overdue[:count]
    new = [q for q in pool if q.id not in due]
    rng.shuffle(new)
    later = sorted((q for q in pool if q.id in due and due[q.id] > now), key=lambda q: due[q.id])
    return (overdue + new + later)[:count]


@dataclass(frozen=True)
class Asked:
    """A question as presented: its variant parameters and filled-in prompt."""

    index: int
    total: int
    question: Question
    params: Params | None
    prompt: str
    started: float


@dataclass(frozen=True)
class Outcome:
    """A graded (or skipped) answer, with everything the loop shows and stores."""

    asked: Asked
    answer: str
    verdict: str  # correct | wrong | skipped | unrated (self-rated answers await the candidate's rating)
    score: float
    seconds: float
    message: str = ""
    hint: str | None = None
    reference: str = ""
    explanation: str | None = None
    suggested_rating: Rating = Rating.AGAIN
    detail: object = None

    @property
    def implied_rating(self) -> Rating:
        """The FSRS rating an auto-graded outcome implies."""
        return Rating.implied(self.verdict == "correct")


@dataclass
class Session:
    """Steps through chosen questions; grading is pure, storage is the caller's."""

    questions: list[Question]
    lang: Lang
    rng: random.Random
    clock: Callable[[], float]
    current: Asked | None = None
    _next: int = 0

    def next(self) -> Asked | None:
        """The next question, or None when the session is over."""
        if self._next >= len(self.questions):
            self.current = None
            return None
        q = self.questions[self._next]
        self._next += 1
        kind = kind_of(q)
        params = kind.draw(q, self.rng)
        self.current = Asked(self._next, len(self.questions), q, params, kind.prompt(q, self.lang, params),
                             self.clock())
        return self.current

    def _asked(self) -> Asked:
        if self.current is None:
            raise QuizzerError("no question is being asked")
        return self.current

    def _close(self, asked: Asked, answer: str, verdict: str, score: float, message: str = "",
               hint: str | None = None, suggested_rating: Rating = Rating.AGAIN, detail: object = None) -> Outcome:
        """The outcome of the current question, which is then closed."""
        q = asked.question
        kind = kind_of(q)
        outcome = Outcome(asked=asked, answer=answer, verdict=verdict, score=score,
                          seconds=self.clock() - asked.started, message=message, hint=hint,
                          reference=kind.reference(q, asked.params, self.lang),
                          explanation=kind.explanation(q, self.lang, asked.params),
                          suggested_rating=suggested_rating, detail=detail)
        self.current = None
        return outcome

    def submit(self, text: str) -> Outcome:
        """Grade an answer to the current question; UnreadableAnswer leaves the question open."""
        asked = self._asked()
        graded = kind_of(asked.question).grade(asked.question, asked.params, text, self.lang)
        return self._close(asked, text, graded.verdict, graded.score, message=graded.message, hint=graded.hint,
                           suggested_rating=graded.suggested_rating, detail=graded.detail)

    def judged(self, path: str, passed: bool, score: float, message: str) -> Outcome:
        """Record the judge's verdict on the current code question (the answer is the file graded)."""
        return self._close(self._asked(), path, "correct" if passed else "wrong", score, message=message,
                           suggested_rating=Rating.implied(passed))

    def skip(self) -> Outcome:
        """Skip the current question (recorded as skipped, the schedule is not touched)."""
        return self._close(self._asked(), "", "skipped", 0.0)

    def hint(self) -> str:
        """A nudge from the question's kind."""
        q = self._asked().question
        return kind_of(q).hint(q, self.lang)
