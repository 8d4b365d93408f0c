"""Spaced repetition with FSRS: our stable card ids, fuzzing switchable so tests are deterministic."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from quizzer.models import Rating


def card_id(question_id: str) -> int:
    """A stable positive 63-bit id per question, so a card survives bank reordering."""
    return int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:8], "big") >> 1


def fuzzing() -> bool:
    """FSRS interval fuzzing, on unless QUIZZER_FSRS_FUZZ=0 (tests switch it off)."""
    return os.environ.get("QUIZZER_FSRS_FUZZ", "1") != "0"


def scheduler(parameters: Sequence[float] | None = None, fuzz: bool | None = None) -> Any:
    """An fsrs.Scheduler with the personal parameters (`quizzer optimize`) when given, else the defaults."""
    import fsrs  # imported at the first review, not at start-up

    enable_fuzzing = fuzzing() if fuzz is None else fuzz
    if parameters is None:
        return fsrs.Scheduler(enable_fuzzing=enable_fuzzing)
    return fsrs.Scheduler(parameters=tuple(parameters), enable_fuzzing=enable_fuzzing)


def next_card(stored: str | None, question_id: str, rating: Rating, when: datetime,
              parameters: Sequence[float] | None = None) -> tuple[str, datetime]:
    """The card after one review: (card JSON, next due time), scheduled with `parameters` when fitted."""
    import fsrs

    card = fsrs.Card.from_dict(json.loads(stored)) if stored else fsrs.Card(card_id=card_id(question_id), due=when)
    card, _log = scheduler(parameters).review_card(card, fsrs.Rating(int(rating)), review_datetime=when)
    return json.dumps(card.to_dict()), card.due
