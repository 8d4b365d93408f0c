"""What the practice loop shows, as a protocol: the loop decides what to say, `quizzer.cli` draws it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from quizzer.messages import Said
from quizzer.models import Rating
from quizzer.practice.followup import FollowUp
from quizzer.practice.session import Asked, Outcome

if TYPE_CHECKING:  # the judge (and its verdict type) loads only when a hand-write question is graded
    from quizzer.judge.verdict import Verdict


class PracticeView(Protocol):
    """The screen of a practice session, in the session's language."""

    def question(self, asked: Asked, sources: Mapping[str, str]) -> None:
        """One question with its source and how to answer."""

    def note(self, text: str) -> None:
        """A short highlighted line: a hint, an unreadable answer, a reminder."""

    def say(self, text: str) -> None:
        """A plain line."""

    def help(self) -> None:
        """The commands the prompt understands."""

    def verdict(self, outcome: Outcome) -> None:
        """Right or wrong, why, the reference and the worked explanation."""

    def review(self, outcome: Outcome) -> None:
        """A self-rated answer: the reference and the points it covered."""

    def rating_menu(self, suggested: Rating) -> None:
        """The recall ratings, the suggested one marked."""

    def next_due(self, wait: timedelta) -> None:
        """After a rating: how long until the question is due again."""

    def judged(self, verdict: Verdict) -> None:
        """The judge's report on a hand-written file."""

    def problem(self, message: str | Said) -> None:
        """An error that does not end the session (a file the judge could not grade)."""

    def follow_up(self, question: str) -> None:
        """The interviewer's follow-up question, before the candidate answers it."""

    def follow_up_result(self, exchange: FollowUp) -> None:
        """How the follow-up reply was judged."""
