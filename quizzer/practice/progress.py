"""Saving an outcome: the attempt and its card update, committed together the moment it is graded."""

from __future__ import annotations

from datetime import datetime

from quizzer.models import Rating
from quizzer.practice.scheduler import next_card
from quizzer.practice.session import Outcome
from quizzer.store import Store
from quizzer.store import cards as card_rows
from quizzer.store.attempts import Attempt, insert


def final_verdict(outcome: Outcome, rating: Rating | None) -> str:
    """Self-rated answers are right when the candidate rates recall Good or Easy, and stay unrated without a rating."""
    if outcome.verdict == "unrated":
        if rating is None:  # a rating left out is not a rating of Again: the answer counts as neither
            return "unrated"
        return "correct" if rating.recalled else "wrong"
    return outcome.verdict


def save(store: Store, outcome: Outcome, rating: Rating | None, mode: str, session_id: str, when: datetime) -> None:
    """Record the attempt and, unless skipped or unrated, review the question's card."""
    q = outcome.asked.question
    attempt = Attempt(question_id=q.id, topic=q.topic, kind=q.kind, answer=outcome.answer,
                      verdict=final_verdict(outcome, rating), score=outcome.score, seconds=round(outcome.seconds, 2),
                      mode=mode, session_id=session_id, answered_at=when, params=outcome.asked.params,
                      rating=rating, grader=outcome.grader)
    with store.write() as conn:
        insert(conn, attempt)
        if outcome.verdict != "skipped" and rating is not None:
            card_json, due = next_card(card_rows.load(store, q.id), q.id, rating, when)
            card_rows.save(store, q.id, card_json, due)
