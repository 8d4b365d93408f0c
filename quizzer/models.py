"""Frozen data types shared by every layer: questions, banks and their parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from fractions import Fraction
from typing import Literal

Lang = Literal["zh", "en"]
# A numeric question's parameter: exact (a Fraction) where the bank wrote an exact number, so formulas keep
# exact arithmetic; a float otherwise.
Number = float | Fraction
Params = Mapping[str, Number]
LANGS: tuple[Lang, ...] = ("zh", "en")
# The `kind:` values a bank may use; quizzer.kinds registers one module for each.
KINDS = ("concept", "numeric", "formula", "choice", "code")


class Rating(IntEnum):
    """How well an answer was recalled, numbered as FSRS and Anki number it (stored as the number)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        """`Again`, `Hard`, `Good` or `Easy`."""
        return self.name.capitalize()

    @property
    def meaning(self) -> str:
        """Anki's meaning of the rating, shown next to its key."""
        return _MEANINGS[self]

    @property
    def recalled(self) -> bool:
        """Good or Easy: a self-rated answer counts as right."""
        return self >= Rating.GOOD

    @classmethod
    def implied(cls, correct: bool) -> Rating:
        """The rating an auto-graded answer implies."""
        return cls.GOOD if correct else cls.AGAIN


_MEANINGS = {Rating.AGAIN: "forgot it", Rating.HARD: "recalled with serious effort",
             Rating.GOOD: "recalled after a pause", Rating.EASY: "recalled at once"}


def in_lang(lang: Lang, en: str, zh: str) -> str:
    """`en` or `zh`, for messages composed at run time."""
    return zh if lang == "zh" else en


@dataclass(frozen=True)
class Text:
    """A bilingual string."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.zh if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        """The JSON shape `{"zh", "en"}`."""
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class KeyPoint:
    """One claim a good concept answer makes, and the evidence patterns that show it was made."""

    text: Text
    evidence: tuple[str, ...]
    essential: bool = False


@dataclass(frozen=True)
class Misconception:
    """A wrong claim candidates make, the evidence that an answer asserts it, and its correction."""

    text: Text
    evidence: tuple[str, ...]
    correction: Text


@dataclass(frozen=True)
class Concept:
    """A question answered in prose, graded against key points and known misconceptions."""

    answer: Text
    key_points: tuple[KeyPoint, ...]
    misconceptions: tuple[Misconception, ...] = ()


@dataclass(frozen=True)
class Tolerance:
    """How close a numeric answer must be: relative error, or within a factor."""

    kind: Literal["rel", "factor"]
    value: float


@dataclass(frozen=True)
class Mistake:
    """A typical wrong formula and the hint that explains it."""

    formula: str
    hint: Text


@dataclass(frozen=True)
class Numeric:
    """A back-of-envelope estimate computed from a formula over parameters."""

    params: Params
    vary: Mapping[str, tuple[Number, ...]]
    formula: str
    unit: str
    display: str
    tolerance: Tolerance
    expected: str
    common_mistakes: tuple[Mistake, ...] = ()


@dataclass(frozen=True)
class Variable:
    """A symbol a formula answer may use."""

    name: str
    aliases: tuple[str, ...]
    meaning: Text


@dataclass(frozen=True)
class Formula:
    """A question answered with a symbolic formula."""

    variables: tuple[Variable, ...]
    formula: str


@dataclass(frozen=True)
class Choice:
    """A multiple-choice question; `correct` holds option letters."""

    options: tuple[Text, ...]
    correct: tuple[str, ...]


@dataclass(frozen=True)
class Code:
    """A hand-write task graded by the judge."""

    task: str


Spec = Concept | Numeric | Formula | Choice | Code


@dataclass(frozen=True)
class Question:
    """One question of a bank, with where it was defined."""

    id: str
    topic: str
    kind: str
    difficulty: int
    tags: tuple[str, ...]
    source: tuple[str, ...]
    prompt: Text
    spec: Spec
    explanation: Text | None = None
    follow_ups: tuple[Text, ...] = ()
    # Ids of questions merged into this one: old links (`practice --id`, `check --question`) still reach it.
    aliases: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """The line where `key` was written, else the question's first line."""
        return self.lines.get(key, self.line)


@dataclass(frozen=True)
class Bank:
    """The questions of one topic file."""

    topic: str
    title: Text
    questions: tuple[Question, ...]
    file: str


@dataclass(frozen=True)
class Problem:
    """One validation problem: where, and what."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Catalog:
    """Every loaded bank plus the problems found while loading them."""

    banks: tuple[Bank, ...] = ()
    problems: tuple[Problem, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions, in file order."""
        return tuple(q for b in self.banks for q in b.questions)

    def find(self, qid: str) -> Question | None:
        """The question with this id, if any."""
        for q in self.questions:
            if q.id == qid:
                return q
        return next((q for q in self.questions if qid in q.aliases), None)
