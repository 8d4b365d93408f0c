"""FSRS card state per question."""

from __future__ import annotations

from datetime import datetime

from quizzer.store.db import Store


def load(store: Store, question_id: str) -> str | None:
    """The card's JSON, or None for a question never reviewed."""
    rows = store.read("SELECT card FROM cards WHERE question_id = ?", (question_id,))
    return str(rows[0]["card"]) if rows else None


def save(store: Store, question_id: str, card_json: str, due: datetime) -> None:
    """Store a card after a review (in the caller's write transaction)."""
    store.conn.execute(
        "INSERT INTO cards (question_id, card, due, reviews) VALUES (?, ?, ?, 1) ON CONFLICT (question_id) DO UPDATE"
        " SET card = excluded.card, due = excluded.due, reviews = cards.reviews + 1",
        (question_id, card_json, due.isoformat()),
    )


def due_map(store: Store) -> dict[str, datetime]:
    """Question id -> next due time, for every reviewed question."""
    return {str(r["question_id"]): datetime.fromisoformat(str(r["due"]))
            for r in store.read("SELECT question_id, due FROM cards")}
