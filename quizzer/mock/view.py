"""What the mock shows beyond a practice session's screen: the clock line and closed questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from quizzer.mock.plan import PlanItem
from quizzer.practice.view import PracticeView


@dataclass(frozen=True)
class LiveStatus:
    """Where the round stands this second: the question on screen, its time against its budget, the clock."""

    index: int
    total: int
    item: PlanItem
    used: float  # seconds on this question
    left: float  # seconds left in the round

    @property
    def over(self) -> bool:
        """The question has used up its budget."""
        return self.used > self.item.budget


class MockView(PracticeView, Protocol):
    """The screen of a mock interview."""

    def clock(self, index: int, item: PlanItem, left: float) -> None:
        """The line above each question: its section, budget and the time left."""

    def closed(self, reason: str) -> None:
        """A question ended without a graded answer."""

    def live_start(self) -> None:
        """The round begins: a live clock, where the screen can keep one without disturbing typing."""

    def live(self, status: LiveStatus) -> None:
        """Redraw the live clock (called several times a second while the candidate types)."""

    def budget_passed(self, status: LiveStatus) -> None:
        """The question on screen has just used up its budget (called once per question)."""

    def live_stop(self) -> None:
        """The round is over: put the screen back as it was."""
