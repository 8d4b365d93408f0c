"""The practice session as a pure state machine: choose questions, present them, grade answers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Mapping, Sequence

from quizzer.errors import QuizzerError
from quizzer.models import Choice, Code, Concept, Formula, Lang, Numeric, Question
from quizzer.variants import display_answer, draw_params, fill

AGAIN, HARD, GOOD = 1, 2, 3


class UnreadableAnswer(QuizzerError):
    """An answer the grader cannot read: the prompt asks again, nothing is recorded."""


@dataclass(frozen=True)
class Filters:
    """Which questions a session may ask."""

    topic: str | None = None
    tag: str | None = None
    kind: str | None = None
    due_only: bool = False


def choose(questions: Sequence[Question], filters: Filters, count: int, rng: random.Random,
           due: Mapping[str, datetime], now: datetime) -> list[Question]:
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
    params: Mapping[str, float] | None
    prompt: str
    started: float


@dataclass(frozen=True)
class Outcome:
    """A graded (or skipped) answer, with everything the loop shows and stores."""

    asked: Asked
    answer: str
    verdict: str  # correct | wrong | skipped | unrated (concept answers await the candidate's rating)
    score: float
    seconds: float
    message: str = ""
    hint: str | None = None
    reference: str = ""
    explanation: str | None = None
    suggested_rating: int = AGAIN
    detail: Any = None


def rating_for(outcome: Outcome) -> int:
    """The FSRS rating an auto-graded outcome implies."""
    return GOOD if outcome.verdict == "correct" else AGAIN


@dataclass
class Session:
    """Steps through chosen questions; grading is pure, storage is the caller's."""

    questions: list[Question]
    lang: Lang
    rng: random.Random
    clock: Callable[[], float]
    outcomes: list[Outcome] = field(default_factory=list)
    current: Asked | None = None
    _next: int = 0

    def next(self) -> Asked | None:
        """The next question, or None when the session is over."""
        if self._next >= len(self.questions):
            self.current = None
            return None
        q = self.questions[self._next]
        self._next += 1
        params = draw_params(q.spec, self.rng) if isinstance(q.spec, Numeric) else None
        prompt = fill(q.prompt.get(self.lang), params) if params else q.prompt.get(self.lang)
        self.current = Asked(self._next, len(self.questions), q, params, prompt, self.clock())
        return self.current

    def _asked(self) -> Asked:
        if self.current is None:
            raise QuizzerError("no question is being asked")
        return self.current

    def _explanation(self, asked: Asked) -> str | None:
        q = asked.question
        if q.explanation is None:
            return None
        text = q.explanation.get(self.lang)
        if isinstance(q.spec, Numeric) and asked.params is not None:
            text = fill(text, asked.params, display_answer(q.spec, asked.params))
        return text

    def submit(self, text: str) -> Outcome:
        """Grade an answer to the current question; UnreadableAnswer leaves the question open."""
        from quizzer.grading.dispatch import grade

        asked = self._asked()
        result = grade(asked.question, asked.params, text, self.lang)
        outcome = Outcome(asked=asked, answer=text, verdict=result.verdict, score=result.score,
                          seconds=self.clock() - asked.started, message=result.message, hint=result.hint,
                          reference=result.reference, explanation=self._explanation(asked),
                          suggested_rating=result.suggested_rating, detail=result.detail)
        self.outcomes.append(outcome)
        self.current = None
        return outcome

    def judged(self, path: str, passed: bool, score: float, message: str) -> Outcome:
        """Record the judge's verdict on the current code question (the answer is the file graded)."""
        asked = self._asked()
        outcome = Outcome(asked=asked, answer=path, verdict="correct" if passed else "wrong", score=score,
                          seconds=self.clock() - asked.started, message=message,
                          reference=reference_answer(asked.question, None, self.lang),
                          explanation=self._explanation(asked), suggested_rating=GOOD if passed else AGAIN)
        self.outcomes.append(outcome)
        self.current = None
        return outcome

    def skip(self) -> Outcome:
        """Skip the current question (recorded as skipped, the schedule is not touched)."""
        asked = self._asked()
        outcome = Outcome(asked=asked, answer="", verdict="skipped", score=0.0, seconds=self.clock() - asked.started,
                          reference=reference_answer(asked.question, asked.params, self.lang),
                          explanation=self._explanation(asked))
        self.outcomes.append(outcome)
        self.current = None
        return outcome

    def hint(self) -> str:
        """A nudge: the first key point, the formula's ingredients, or one option ruled out."""
        q = self._asked().question
        spec = q.spec
        if isinstance(spec, Concept):
            return spec.key_points[0].text.get(self.lang)
        if isinstance(spec, Numeric):
            return "formula: " + spec.formula
        if isinstance(spec, Formula):
            return "uses: " + ", ".join(v.name for v in spec.variables)
        if isinstance(spec, Choice):
            wrong = [letter for letter in "ABCDEF"[: len(spec.options)] if letter not in spec.correct]
            return f"not {wrong[0]}" if wrong else "every option is right"
        assert isinstance(spec, Code)
        return q.explanation.get(self.lang).split(". ")[0] if q.explanation else f"quizzer start {spec.task}"


def reference_answer(q: Question, params: Mapping[str, float] | None, lang: Lang) -> str:
    """The right answer in a line (numeric in its display unit)."""
    spec = q.spec
    if isinstance(spec, Numeric):
        return display_answer(spec, params)
    if isinstance(spec, Formula):
        return spec.formula
    if isinstance(spec, Choice):
        return ", ".join(spec.correct)
    if isinstance(spec, Concept):
        return spec.answer.get(lang)
    assert isinstance(spec, Code)
    from quizzer.resources import solutions_dir

    # The reference ships with the package, so a candidate can read it after trying.
    return f"reference solution: {solutions_dir() / (spec.task + '.py')}"
