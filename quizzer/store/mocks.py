"""Mock interviews as stored: one row per mock, its attempts in `attempts` with mode 'mock'."""

from __future__ import annotations

import json
from datetime import datetime

from quizzer.store.db import Store


def save_mock(store: Store, mock_id: str, started: datetime, ended: datetime, minutes: float, track: str, seed: int,
              score: float, report_path: str, summary: dict[str, object]) -> None:
    """Record a finished (or interrupted) mock."""
    with store.write() as conn:
        conn.execute(
            "INSERT INTO mocks (id, started_at, ended_at, minutes, track, seed, score, report_path, summary)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mock_id, started.isoformat(), ended.isoformat(), minutes, track, seed, score, report_path,
             json.dumps(summary, ensure_ascii=False)),
        )
