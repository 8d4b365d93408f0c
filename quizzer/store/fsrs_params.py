"""The personal FSRS parameters `quizzer optimize` fitted (one row; none until it has run)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quizzer.store.db import Store


@dataclass(frozen=True)
class SavedParameters:
    """Parameters in use, how many reviews they were fitted on, and when."""

    parameters: tuple[float, ...]
    reviews: int
    fitted_at: datetime


def load(store: Store) -> SavedParameters | None:
    """The saved parameters, or None while the defaults are in use."""
    rows = store.read("SELECT parameters, reviews, fitted_at FROM fsrs_params WHERE id = 1")
    if not rows:
        return None
    return SavedParameters(tuple(float(x) for x in json.loads(str(rows[0]["parameters"]))), int(rows[0]["reviews"]),
                           datetime.fromisoformat(str(rows[0]["fitted_at"])))


def save(store: Store, parameters: Sequence[float], reviews: int, when: datetime) -> None:
    """Replace the saved parameters."""
    with store.write() as conn:
        conn.execute("INSERT OR REPLACE INTO fsrs_params (id, parameters, reviews, fitted_at) VALUES (1, ?, ?, ?)",
                     (json.dumps([float(x) for x in parameters]), reviews, when.isoformat()))
