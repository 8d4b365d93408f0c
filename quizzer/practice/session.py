"""The practice session as a pure state machine: choose questions, present them, grade answers."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Generic, TypeVar

from quizzer.errors import QuizzerError
from quizzer.kinds import kind_of
from quizzer.llm.config import LlmConfig
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


@dataclass(frozen=True)
class Chosen(Generic[Choosable]):
    """The questions of a session and how many new ones the daily limit held back from it."""

    questions: list[Choosable]
    held_back: int  # new questions that would have been asked but for the daily limit


def choose(questions: Sequence[Choosable], filters: Filters, count: int, rng: random.Random,
           due: Mapping[str, datetime], now: datetime, new_allowed: int | None = None) -> Chosen[Choosable]:
    """Overdue reviews first (most overdue first), then new questions (at most `new_allowed`), then the rest."""
    pool = [q for q in questions
            if (not filters.topic or q.topic == filters.topic) and (not filters.kind or q.kind == filters.kind)
            and (not filters.tag or filters.tag in q.tags)]
    overdue = sorted((q for q in pool if q.id in due and due[q.id] <= now), key=lambda q: due[q.id])
    if filters.due_only:
        return Chosen(overdue[:count], 0)
    new = [q for q in pool if q.id not in due]
    rng.shuffle(new)
    allowed = len(new) if new_allowed is None else max(0, new_allowed)
    later = sorted((q for q in pool if q.id in due and due[q.id] > now), key=lambda q: due[q.id])
    # Held back: new questions that would have filled the session's remaining places. Then the limit ends the
    # session, as in Anki: reviews not yet due come early only once the new questions have run out.
    held_back = min(max(0, count - len(overdue) - allowed), max(0, len(new) - allowed))
    return Chosen((overdue + new[:allowed] + ([] if held_back else later))[:count], held_back)


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
    grader: str | None = None  # who judged it: keypoints | llm | judge | the kind's name; None when skipped

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
    llm: LlmConfig | None = None  # where concept answers are graded; None: by key points, offline
    current: Asked | None = None
    _next: int = 0
    _again: Asked | None = None  # a question given back by :undo, asked again before the rest

    def next(self) -> Asked | None:
        """The next question, or None when the session is over."""
        if self._again is not None:
            self.current, self._again = replace(self._again, started=self.clock()), None
            return self.current
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

    def again(self, asked: Asked) -> None:
        """Ask `asked` again next (the same variant, as Anki's undo returns to the card), then the open question."""
        if self.current is not None:  # the question on screen comes back after the one given back
            self._next -= 1
            self.current = None
        self._again = asked

    def _asked(self) -> Asked:
        if self.current is None:
            raise QuizzerError("no question is being asked")
        return self.current

    def _close(self, asked: Asked, answer: str, verdict: str, score: float, message: str = "",
               hint: str | None = None, suggested_rating: Rating = Rating.AGAIN, detail: object = None,
               grader: str | None = None) -> Outcome:
        """The outcome of the current question, which is then closed."""
        q = asked.question
        kind = kind_of(q)
        outcome = Outcome(asked=asked, answer=answer, verdict=verdict, score=score,
                          seconds=self.clock() - asked.started, message=message, hint=hint,
                          reference=kind.reference(q, asked.params, self.lang),
                          explanation=kind.explanation(q, self.lang, asked.params),
                          suggested_rating=suggested_rating, detail=detail, grader=grader)
        self.current = None
        return outcome

    def submit(self, text: str) -> Outcome:
        """Grade an answer to the current question; UnreadableAnswer leaves the question open."""
        asked = self._asked()
        kind = kind_of(asked.question)
        graded = kind.grade_with(asked.question, asked.params, text, self.lang, self.llm)
        return self._close(asked, text, graded.verdict, graded.score, message=graded.message, hint=graded.hint,
                           suggested_rating=graded.suggested_rating, detail=graded.detail,
                           grader=graded.grader or kind.name)

    def judged(self, path: str, passed: bool, score: float, message: str) -> Outcome:
        """Record the judge's verdict on the current code question (the answer is the file graded)."""
        return self._close(self._asked(), path, "correct" if passed else "wrong", score, message=message,
                           suggested_rating=Rating.implied(passed), grader="judge")

    def skip(self) -> Outcome:
        """Skip the current question (recorded as skipped, the schedule is not touched)."""
        return self._close(self._asked(), "", "skipped", 0.0)

    def hint(self) -> str:
        """A nudge from the question's kind."""
        q = self._asked().question
        return kind_of(q).hint(q, self.lang)
