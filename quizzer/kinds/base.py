"""The protocol every question kind implements, and the values it hands to the loops and views."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from quizzer.errors import QuizzerError
from quizzer.llm.config import LlmConfig
from quizzer.models import Lang, Params, Question, Rating, Spec, Text

SpecT = TypeVar("SpecT", bound=Spec)


class UnreadableAnswer(QuizzerError):
    """An answer the grader cannot read: the prompt asks again, nothing is recorded."""


@dataclass(frozen=True)
class Graded:
    """A typed answer's grade in the loop's terms; `detail` is the grader's own verdict."""

    verdict: str  # correct | wrong | unrated (a self-rated kind waits for the candidate's rating)
    score: float
    message: str
    hint: str | None
    suggested_rating: Rating
    detail: object = None
    grader: str | None = None  # keypoints | llm for concept answers; None: the kind's own grading


@dataclass(frozen=True)
class Point:
    """One point a good answer makes."""

    text: str
    essential: bool = False


@dataclass(frozen=True)
class Review:
    """What a self-rated answer is set against: the reference and each point, covered or not."""

    reference: str
    points: tuple[Point, ...]
    covered: tuple[bool, ...]
    misconceptions: tuple[tuple[str, str], ...] = ()  # (the wrong claim the answer made, its correction)
    grader: str = "keypoints"  # keypoints | llm
    note: str | None = None  # why the LLM's judgement was not used
    feedback: str = ""  # the LLM's sentence of feedback
    other_opinion: str | None = None  # the key-point judgement, when it disagrees sharply with the LLM's


class Checked(Protocol):
    """What a grader that checks an answer right or wrong returns (numeric and formula verdicts)."""

    @property
    def readable(self) -> bool: ...
    @property
    def correct(self) -> bool: ...
    @property
    def message(self) -> str: ...
    @property
    def hint(self) -> str | None: ...


def right_or_wrong(verdict: Checked) -> Graded:
    """A checked answer as a grade: unreadable asks again, else correct (score 1) or wrong (score 0)."""
    if not verdict.readable:
        raise UnreadableAnswer(verdict.message)
    return Graded("correct" if verdict.correct else "wrong", 1.0 if verdict.correct else 0.0, verdict.message,
                  verdict.hint, Rating.implied(verdict.correct), verdict)


def spec_of(q: Question, kind: type[SpecT]) -> SpecT:
    """The question's spec as the kind's own type (a bank question always has its kind's spec)."""
    if not isinstance(q.spec, kind):
        raise TypeError(f"{q.id}: a {q.kind} question carries a {type(q.spec).__name__} spec")
    return q.spec


class QuestionKind(Protocol):
    """One kind of question: how it is asked, graded, hinted, revealed and written as JSON.

    Kinds subclass this protocol to inherit the defaults below and override what differs.
    """

    name: str  # the bank's `kind:`
    answer_help: Text  # shown under the question: how to answer
    multiline: bool = False  # answers run over several lines and end with an empty one
    typed: bool = True  # answered at the prompt (False: a file the judge grades)
    self_rated: bool = False  # the candidate rates recall after seeing the reference

    def draw(self, q: Question, rng: random.Random) -> Params | None:
        """The variant asked this time (None: the question has no parameters)."""
        return None

    def prompt(self, q: Question, lang: Lang, params: Params | None = None) -> str:
        """The prompt as asked, placeholders filled (with the defaults when `params` is None)."""
        return q.prompt.get(lang)

    def how_to_answer(self, q: Question, lang: Lang) -> str:
        """The line under the question that says how to answer it (the kind's `answer_help` unless it differs)."""
        return self.answer_help.get(lang)

    def frame(self, q: Question, lang: Lang) -> list[str]:
        """Lines the answer is chosen or written from (options, variables), shown under the prompt."""
        return []

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Grade a typed answer; UnreadableAnswer when the grader cannot read it."""
        ...

    def grade_with(self, q: Question, params: Params | None, text: str, lang: Lang,
                   llm: LlmConfig | None) -> Graded:
        """Grade with an LLM when one is given and the kind uses it (concept answers); else as `grade` does."""
        return self.grade(q, params, text, lang)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The right answer in one line."""
        ...

    def explanation(self, q: Question, lang: Lang, params: Params | None = None) -> str | None:
        """The worked explanation, if the bank gives one."""
        return q.explanation.get(lang) if q.explanation else None

    def hint(self, q: Question, lang: Lang) -> str:
        """A nudge that does not give the answer away."""
        ...

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """`show --answer`: the answer in a few lines."""
        ...

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The `answer` object of `show --json`."""
        ...

    def points(self, q: Question, lang: Lang) -> tuple[Point, ...]:
        """The points a good answer makes (none for kinds graded by value)."""
        return ()

    def review(self, q: Question, detail: object, lang: Lang) -> Review | None:
        """For a self-rated kind, what the candidate rates the answer against."""
        return None

    def wrong_note(self, q: Question, lang: Lang = "en") -> str | None:
        """A line shown under the reference after a wrong answer (how close it had to be)."""
        return None

    def warm_up(self) -> None:
        """Load slow grading machinery in the background before the first answer of this kind."""
        return None
