"""What the mock shows beyond a practice session's screen: the clock line and closed questions."""

from __future__ import annotations

from typing import Protocol

from quizzer.mock.plan import PlanItem
from quizzer.practice.view import PracticeView


class MockView(PracticeView, Protocol):
    """The screen of a mock interview."""

    def clock(self, index: int, item: PlanItem, left: float) -> None:
        """The line above each question: its section, budget and the time left."""

    def closed(self, reason: str) -> None:
        """A question ended without a graded answer."""
