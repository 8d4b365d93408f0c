"""Saving an outcome: the attempt and its card update, committed together the moment it is graded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizzer.models import Rating
from quizzer.practice.scheduler import next_card
from quizzer.practice.session import Outcome
from quizzer.store import Store, fsrs_params
from quizzer.store import cards as card_rows
from quizzer.store.attempts import Attempt, insert, mark_undone
from quizzer.store.cards import CardRow


@dataclass(frozen=True)
class Saved:
    """What one save did, enough to take it back: the attempt's row, the card before, the next due time."""

    attempt_id: int
    question_id: str
    scheduled: bool  # the card was reviewed (not a skip, an unrated answer or a cram answer)
    card_before: CardRow | None
    due: datetime | None


def final_verdict(outcome: Outcome, rating: Rating | None) -> str:
    """Self-rated answers are right when the candidate rates recall Good or Easy, and stay unrated without a rating."""
    if outcome.verdict == "unrated":
        if rating is None:  # a rating left out is not a rating of Again: the answer counts as neither
            return "unrated"
        return "correct" if rating.recalled else "wrong"
    return outcome.verdict


def save(store: Store, outcome: Outcome, rating: Rating | None, mode: str, session_id: str, when: datetime,
         schedule: bool = True) -> Saved:
    """Record the attempt and, unless skipped, unrated or not to `schedule` (cram), review the question's card."""
    q = outcome.asked.question
    attempt = Attempt(question_id=q.id, topic=q.topic, kind=q.kind, answer=outcome.answer,
                      verdict=final_verdict(outcome, rating), score=outcome.score, seconds=round(outcome.seconds, 2),
                      mode=mode, session_id=session_id, answered_at=when, params=outcome.asked.params,
                      rating=rating, grader=outcome.grader)
    scheduled = schedule and outcome.verdict != "skipped" and rating is not None
    before: CardRow | None = None
    due: datetime | None = None
    with store.write() as conn:
        attempt_id = insert(conn, attempt)
        if scheduled and rating is not None:
            before = card_rows.row(store, q.id)
            personal = fsrs_params.load(store)  # fitted by `quizzer optimize`; None: the defaults
            card_json, due = next_card(before.card if before else None, q.id, rating, when,
                                       personal.parameters if personal else None)
            card_rows.save(store, q.id, card_json, due)
    return Saved(attempt_id, q.id, scheduled, before, due)


def undo(store: Store, saved: Saved, when: datetime) -> None:
    """Take a save back: the attempt is marked undone (it stays in history), the card goes back as it was."""
    with store.write() as conn:
        mark_undone(conn, saved.attempt_id, when)
        if saved.scheduled:
            card_rows.restore(store, saved.question_id, saved.card_before)
