"""What a grade found: frozen results per case and for the whole file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CaseResult:
    """One hidden case (or a pseudo-case such as `import` or `forbidden`) and what went wrong in it."""

    name: str
    passed: bool
    message: str = "ok"
    hint: str | None = None
    label: str = ""  # shapes and dtypes, never values
    trace: tuple[str, ...] = ()  # the candidate's own frames of a raised exception
    hidden: bool = True


@dataclass(frozen=True)
class Verdict:
    """The grade of one file against one task."""

    task: str
    file: str
    device: str
    cases: tuple[CaseResult, ...]
    forbidden: tuple[str, ...] = ()
    seconds: float = 0.0
    output: str = ""  # what the candidate's code printed, capped
    output_total: int = 0
    timings: Mapping[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """Every case passed and nothing forbidden was used."""
        return bool(self.cases) and not self.forbidden and all(c.passed for c in self.cases)

    @property
    def failed(self) -> tuple[CaseResult, ...]:
        """The cases that did not pass."""
        return tuple(c for c in self.cases if not c.passed)
