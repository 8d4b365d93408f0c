"""Recording and reading attempts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from quizzer.store.db import Store


@dataclass(frozen=True)
class Attempt:
    """One graded answer as stored."""

    question_id: str
    topic: str
    kind: str
    answer: str
    verdict: str  # correct | wrong | skipped
    score: float
    seconds: float
    mode: str
    session_id: str
    answered_at: datetime
    params: Mapping[str, float] | None = None
    rating: int | None = None
    id: int | None = None

    def as_json(self) -> dict[str, object]:
        """The `history --json` entry."""
        return {"id": self.id, "question_id": self.question_id, "topic": self.topic, "kind": self.kind,
                "params": dict(self.params) if self.params else None, "answer": self.answer,
                "verdict": self.verdict, "score": self.score, "rating": self.rating, "seconds": self.seconds,
                "mode": self.mode, "session_id": self.session_id, "answered_at": self.answered_at.isoformat()}


def params_json(params: Mapping[str, float] | None) -> str | None:
    """Variant parameters as JSON numbers (bank values may be exact fractions)."""
    if not params:
        return None
    return json.dumps({k: int(v) if float(v).is_integer() else float(v) for k, v in params.items()})


def insert(conn: sqlite3.Connection, a: Attempt) -> int:
    """Insert one attempt in the caller's transaction; returns its id."""
    cur = conn.execute(
        "INSERT INTO attempts (question_id, topic, kind, params, answer, verdict, score, rating, seconds, mode,"
        " session_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.question_id, a.topic, a.kind, params_json(a.params), a.answer, a.verdict,
         a.score, a.rating, a.seconds, a.mode, a.session_id, a.answered_at.isoformat()),
    )
    return int(cur.lastrowid or 0)


def _row(row: Mapping[str, object]) -> Attempt:
    return Attempt(question_id=str(row["question_id"]), topic=str(row["topic"]), kind=str(row["kind"]),
                   answer=str(row["answer"]), verdict=str(row["verdict"]), score=float(row["score"]),  # type: ignore[arg-type]
                   seconds=float(row["seconds"]), mode=str(row["mode"]), session_id=str(row["session_id"]),  # type: ignore[arg-type]
                   answered_at=datetime.fromisoformat(str(row["answered_at"])),
                   params=json.loads(str(row["params"])) if row["params"] else None,
                   rating=int(row["rating"]) if row["rating"] is not None else None,  # type: ignore[call-overload]
                   id=int(row["id"]))  # type: ignore[call-overload]


def recent(store: Store, limit: int | None = None, session_id: str | None = None) -> list[Attempt]:
    """The newest attempts first (all when `limit` is None), optionally of one session."""
    sql = "SELECT * FROM attempts"
    args: tuple[object, ...] = ()
    if session_id:
        sql += " WHERE session_id = ?"
        args = (session_id,)
    sql += " ORDER BY answered_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        args += (limit,)
    return [_row(r) for r in store.read(sql, args)]
