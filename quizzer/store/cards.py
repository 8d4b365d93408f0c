"""FSRS card state per question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from quizzer.store.db import Store


@dataclass(frozen=True)
class CardRow:
    """A card as stored, kept aside so that an undone review can put it back."""

    question_id: str
    card: str
    due: str
    reviews: int


def load(store: Store, question_id: str) -> str | None:
    """The card's JSON, or None for a question never reviewed."""
    rows = store.read("SELECT card FROM cards WHERE question_id = ?", (question_id,))
    return str(rows[0]["card"]) if rows else None


def row(store: Store, question_id: str) -> CardRow | None:
    """The whole stored card, or None for a question never reviewed."""
    rows = store.read("SELECT card, due, reviews FROM cards WHERE question_id = ?", (question_id,))
    if not rows:
        return None
    return CardRow(question_id, str(rows[0]["card"]), str(rows[0]["due"]), int(rows[0]["reviews"]))


def restore(store: Store, question_id: str, before: CardRow | None) -> None:
    """Put a card back as it was before a review (in the caller's write transaction); None: it had no card."""
    if before is None:
        store.conn.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
        return
    store.conn.execute("INSERT OR REPLACE INTO cards (question_id, card, due, reviews) VALUES (?, ?, ?, ?)",
                       (before.question_id, before.card, before.due, before.reviews))


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


def new_since(store: Store, since: datetime) -> int:
    """Cards whose first review that stands (not undone, not cram) came at or after `since`: new cards that day."""
    rows = store.read(
        "SELECT COUNT(*) AS n FROM cards WHERE (SELECT MIN(a.answered_at) FROM attempts a"
        " WHERE a.question_id = cards.question_id AND a.rating IS NOT NULL AND a.mode != 'cram'"
        " AND a.undone_at IS NULL) >= ?", (since.astimezone(UTC).isoformat(),))
    return int(rows[0]["n"])
