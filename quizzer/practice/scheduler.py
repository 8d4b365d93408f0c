"""Spaced repetition with FSRS: our stable card ids, fuzzing switchable so tests are deterministic."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime

from quizzer.models import Rating


def card_id(question_id: str) -> int:
    """A stable positive 63-bit id per question, so a card survives bank reordering."""
    return int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:8], "big") >> 1


def fuzzing() -> bool:
    """FSRS interval fuzzing, on unless QUIZZER_FSRS_FUZZ=0 (tests switch it off)."""
    return os.environ.get("QUIZZER_FSRS_FUZZ", "1") != "0"


def next_card(stored: str | None, question_id: str, rating: Rating, when: datetime) -> tuple[str, datetime]:
    """The card after one review: (card JSON, next due time)."""
    import fsrs  # imported at the first review, not at start-up

    scheduler = fsrs.Scheduler(enable_fuzzing=fuzzing())
    card = fsrs.Card.from_dict(json.loads(stored)) if stored else fsrs.Card(card_id=card_id(question_id), due=when)
    card, _log = scheduler.review_card(card, fsrs.Rating(int(rating)), review_datetime=when)
    return json.dumps(card.to_dict()), card.due
