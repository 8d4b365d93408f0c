"""Frozen data types shared by every layer: questions, banks and their parts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from fractions import Fraction
from typing import Literal

from quizzer.errors import BankError

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
class Summary:
    """What selection, `list --json` and the checks across banks need of a question: no answer, no spec."""

    id: str
    topic: str
    kind: str
    difficulty: int
    tags: tuple[str, ...]
    source: tuple[str, ...]
    prompt: Text
    file: str
    line: int
    id_line: int
    task: str | None = None  # a code question's hand-write task, checked against the judge's tasks
    task_line: int = 0
    aliases: tuple[str, ...] = ()  # ids of questions merged into this one
    aliases_line: int = 0

    @classmethod
    def of(cls, q: Question) -> Summary:
        """The summary of a parsed question."""
        task = q.spec.task if isinstance(q.spec, Code) else None
        return cls(q.id, q.topic, q.kind, q.difficulty, q.tags, q.source, q.prompt, q.file, q.line,
                   q.line_of("id"), task, q.line_of("task"), q.aliases, q.line_of("aliases"))


@dataclass(frozen=True)
class BankIndex:
    """The summaries of one bank file: enough to choose questions without reading their answers."""

    topic: str
    file: str
    questions: tuple[Summary, ...]

    @classmethod
    def of(cls, bank: Bank) -> BankIndex:
        """The index of a parsed bank."""
        return cls(bank.topic, bank.file, tuple(Summary.of(q) for q in bank.questions))


@dataclass(frozen=True)
class Catalog:
    """Every bank's index plus the problems found while loading them; whole banks are read when asked for.

    Choosing a question needs the index alone, so a start-up reads one small entry per bank file and then
    only the banks that hold the questions chosen (`loader`, remembered in `loaded`).
    """

    index: tuple[BankIndex, ...] = ()
    problems: tuple[Problem, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    loader: Callable[[str], Bank | None] | None = field(default=None, compare=False, repr=False)
    loaded: dict[str, Bank] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, banks: Iterable[Bank], problems: tuple[Problem, ...] = (),
           sources: Mapping[str, str] | None = None) -> Catalog:
        """A catalog of banks already parsed (validate reads every file anyway)."""
        banks = tuple(banks)
        return cls(tuple(BankIndex.of(b) for b in banks), problems, sources or {},
                   loaded={b.file: b for b in banks})

    @property
    def summaries(self) -> tuple[Summary, ...]:
        """Every question's summary, in file order."""
        return tuple(q for b in self.index for q in b.questions)

    def bank(self, file: str) -> Bank:
        """The whole bank of one file of the index, read on first use."""
        bank = self.loaded.get(file)
        if bank is None:
            bank = self.loader(file) if self.loader is not None else None
            if bank is None:
                raise BankError(file, None, "changed while it was being read; run the command again")
            self.loaded[file] = bank  # a memo only: the catalog's value is its index
        return bank

    @property
    def banks(self) -> tuple[Bank, ...]:
        """Every bank, whole (reads them all: for commands that need every answer)."""
        return tuple(self.bank(b.file) for b in self.index)

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions, whole, in file order."""
        return tuple(q for b in self.banks for q in b.questions)

    def full(self, chosen: Iterable[Summary]) -> list[Question]:
        """The whole questions of these summaries, in their order; reads only the banks that hold them."""
        by_file: dict[str, dict[tuple[str, int], Question]] = {}
        out = []
        for s in chosen:
            if s.file not in by_file:
                by_file[s.file] = {(q.id, q.line): q for q in self.bank(s.file).questions}
            q = by_file[s.file].get((s.id, s.line))
            if q is None:
                raise BankError(s.file, s.line, "changed while it was being read; run the command again")
            out.append(q)
        return out

    def summary(self, qid: str) -> Summary | None:
        """The summary of the question with this id (or of the question merged under that id), if any."""
        found = next((q for b in self.index for q in b.questions if q.id == qid), None)
        return found or next((q for b in self.index for q in b.questions if qid in q.aliases), None)

    def find(self, qid: str) -> Question | None:
        """The question with this id, if any (reads its bank only)."""
        s = self.summary(qid)
        return self.full([s])[0] if s is not None else None
