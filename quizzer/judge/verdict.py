"""What a grade found: frozen results per case and for the whole file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ladder:
    """A hint in steps: the name of what the output matches (shown at once), why, then the fix (on request)."""

    name: str | None = None
    why: str | None = None
    fix: str | None = None

    def steps(self) -> tuple[str, ...]:
        """The steps the hint has beyond its name, in the order they are revealed."""
        return tuple(s for s in (self.why, self.fix) if s)

    @property
    def text(self) -> str:
        """Every step in one sentence."""
        return "; ".join(s for s in (self.name, self.why, self.fix) if s)


@dataclass(frozen=True)
class Diagnosis:
    """A known bug the file behaves like on every case both could be compared on."""

    bug: str
    hint: Ladder
    cases: tuple[str, ...]  # the failing cases it explains
    extra_only: bool = False  # it explains extra cases only


@dataclass(frozen=True)
class CaseResult:
    """One hidden case (or a pseudo-case such as `import` or `forbidden`) and what went wrong in it."""

    name: str
    passed: bool
    message: str = "ok"
    hint: Ladder | None = None  # the case's own hint, only where its failure is the one the hint is about
    label: str = ""  # shapes and dtypes, never values
    trace: tuple[str, ...] = ()  # the candidate's own frames of a raised exception
    hidden: bool = True
    note: str | None = None  # said on a passing case (the precision policy)
    extra: bool = False  # beyond a standard answer: counted apart, never fails the file
    printed: tuple[str, ...] = ()  # what the candidate's code printed during this case (the first lines)
    printed_more: int = 0  # lines (or a cut) left out of `printed`
    failure: str = ""  # what kind of failure: values, nonfinite, error, shape, dtype, type, ...
    explained: bool = False  # the diagnosis accounts for this failure


@dataclass(frozen=True)
class Verdict:
    """The grade of one file against one task."""

    task: str
    file: str
    device: str
    cases: tuple[CaseResult, ...]
    forbidden: tuple[str, ...] = ()
    seconds: float = 0.0
    output: str = ""  # what the candidate's code printed outside any case (importing the file), capped
    output_total: int = 0
    timings: Mapping[str, float] = field(default_factory=dict)
    diagnosis: Diagnosis | None = None

    @property
    def core(self) -> tuple[CaseResult, ...]:
        """The cases that decide the verdict."""
        return tuple(c for c in self.cases if not c.extra)

    @property
    def extras(self) -> tuple[CaseResult, ...]:
        """The cases beyond a standard answer, shown and counted apart."""
        return tuple(c for c in self.cases if c.extra)

    @property
    def passed(self) -> bool:
        """Every core case passed and nothing forbidden was used."""
        return bool(self.core) and not self.forbidden and all(c.passed for c in self.core)

    @property
    def failed(self) -> tuple[CaseResult, ...]:
        """The cases that did not pass (extra ones included)."""
        return tuple(c for c in self.cases if not c.passed)
