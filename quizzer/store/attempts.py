"""Recording and reading attempts."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime

from quizzer.models import Params, Rating
from quizzer.store.db import Store


@dataclass(frozen=True)
class Attempt:
    """One graded answer as stored."""

    question_id: str
    topic: str
    kind: str
    answer: str
    verdict: str  # correct | wrong | skipped | unrated (a self-rated answer given no rating)
    score: float
    seconds: float
    mode: str
    session_id: str
    answered_at: datetime
    params: Params | None = None
    rating: Rating | None = None
    id: int | None = None
    uid: str | None = None  # stable across machines (store.exchange); a new one is drawn when None
    undone: bool = False  # the rating was taken back with :undo: the answer is kept, it counts for nothing
    grader: str | None = None  # keypoints | llm | judge | the kind's name; None for skips and older attempts


def params_json(params: Params | None) -> str | None:
    """Variant parameters as JSON numbers (bank values may be exact fractions)."""
    if not params:
        return None
    return json.dumps({k: int(v) if float(v).is_integer() else float(v) for k, v in params.items()})


def insert(conn: sqlite3.Connection, a: Attempt) -> int:
    """Insert one attempt in the caller's transaction; returns its id."""
    cur = conn.execute(
        "INSERT INTO attempts (question_id, topic, kind, params, answer, verdict, score, rating, seconds, mode,"
        " session_id, answered_at, uid, grader) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.question_id, a.topic, a.kind, params_json(a.params), a.answer, a.verdict,
         a.score, a.rating, a.seconds, a.mode, a.session_id, a.answered_at.isoformat(), a.uid or uuid.uuid4().hex,
         a.grader),
    )
    return int(cur.lastrowid or 0)


def _row(row: sqlite3.Row) -> Attempt:
    # sqlite3.Row values are untyped; the schema (store.migrations) says what each column holds.
    return Attempt(question_id=str(row["question_id"]), topic=str(row["topic"]), kind=str(row["kind"]),
                   answer=str(row["answer"]), verdict=str(row["verdict"]), score=float(row["score"]),
                   seconds=float(row["seconds"]), mode=str(row["mode"]), session_id=str(row["session_id"]),
                   answered_at=datetime.fromisoformat(str(row["answered_at"])),
                   params=json.loads(str(row["params"])) if row["params"] else None,
                   rating=Rating(int(row["rating"])) if row["rating"] is not None else None,
                   id=int(row["id"]), uid=str(row["uid"]), undone=row["undone_at"] is not None,
                   grader=str(row["grader"]) if row["grader"] is not None else None)


def mark_undone(conn: sqlite3.Connection, attempt_id: int, when: datetime) -> None:
    """Mark one attempt's rating as taken back (in the caller's transaction); the row itself stays."""
    conn.execute("UPDATE attempts SET undone_at = ? WHERE id = ?", (when.isoformat(), attempt_id))


def recent(store: Store, limit: int | None = None) -> list[Attempt]:
    """The newest attempts first (all when `limit` is None)."""
    sql = "SELECT * FROM attempts ORDER BY answered_at DESC, id DESC"
    args: tuple[object, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        args = (limit,)
    return [_row(r) for r in store.read(sql, args)]
