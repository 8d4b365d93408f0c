"""`stats` and `history`: what a candidate learns from their history."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.models import Rating
from quizzer.practice.stats import streak, summarise
from quizzer.store import open_store
from quizzer.store.attempts import Attempt, insert

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
TZ = timezone(timedelta(hours=8))  # a candidate in Beijing


def att(qid: str, topic: str, kind: str, verdict: str, when: datetime, score: float = 1.0,
        rating: int | None = 3) -> Attempt:
    return Attempt(question_id=qid, topic=topic, kind=kind, answer="x", verdict=verdict, score=score, seconds=5,
                   mode="practice", session_id="s", answered_at=when, rating=None if rating is None else Rating(rating))


def test_streak_counts_local_days_and_forgives_an_open_today() -> None:
    today = date(2026, 11, 23)
    assert streak({today, today - timedelta(1), today - timedelta(2)}, today) == 3
    assert streak({today - timedelta(1), today - timedelta(2)}, today) == 2
    assert streak({today - timedelta(2)}, today) == 0


def test_summary_by_topic_kind_due_weakest_and_calibration() -> None:
    attempts = [
        att("a.1", "attention", "choice", "correct", NOW),
        att("a.2", "attention", "numeric", "wrong", NOW - timedelta(days=1)),
        att("e.1", "estimation", "numeric", "wrong", NOW - timedelta(days=1)),
        att("e.2", "estimation", "numeric", "wrong", NOW - timedelta(days=2)),
        att("c.1", "attention", "concept", "correct", NOW, score=0.25, rating=4),  # over-rated
        att("c.2", "moe", "concept", "wrong", NOW, score=1.0, rating=2),  # under-rated
        att("s.1", "moe", "choice", "skipped", NOW, rating=None),
        att("u.1", "rag", "concept", "unrated", NOW - timedelta(days=3), score=1.0, rating=None),
    ]
    due = {"a.1": NOW + timedelta(hours=2), "a.2": NOW + timedelta(days=3), "e.1": NOW + timedelta(days=30)}
    s = summarise(attempts, due, NOW, TZ)
    assert (s.answered, s.right, s.skipped, s.unrated) == (6, 2, 1, 1)
    assert [(a.name, a.answered, a.right) for a in s.by_topic] == [("attention", 3, 2), ("estimation", 2, 0),
                                                                    ("moe", 1, 0)]
    assert [(a.name, a.answered) for a in s.by_kind] == [("choice", 1), ("concept", 2), ("numeric", 3)]
    assert s.streak_days == 4  # an unrated answer is still a day of practice
    assert (s.due_today, s.due_week) == (1, 2)
    assert [a.name for a in s.weakest] == ["estimation", "attention"]  # moe has too few answers to judge
    assert (s.calibration.overrated, s.calibration.underrated) == (1, 1)


def test_stats_and_history_json_after_practice(isolated_home) -> None:  # type: ignore[no-untyped-def]
    store = open_store()
    with store.write() as conn:
        insert(conn, att("attention.x", "attention", "choice", "correct", NOW))
        insert(conn, att("attention.y", "attention", "choice", "wrong", NOW + timedelta(minutes=1)))
    runner = CliRunner()
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert stats["answered"] == 2 and stats["accuracy"] == 0.5
    assert stats["by_topic"] == [{"name": "attention", "answered": 2, "right": 1, "accuracy": 0.5}]
    log = json.loads(runner.invoke(app, ["history", "-n", "1", "--json"]).stdout)
    assert [a["question_id"] for a in log] == ["attention.y"]
    human = runner.invoke(app, ["stats"]).stdout
    assert "2 answered · 1 right (50%)" in human
    assert "attention  ██████████··········  50%" in human


def test_stats_on_a_fresh_home_says_how_to_start() -> None:
    result = CliRunner().invoke(app, ["stats"])
    assert result.exit_code == 0
    assert result.stdout == "No answers yet: run 'quizzer practice' to start.\n"


def test_backup_command(isolated_home, tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    target = tmp_path / "b.sqlite3"
    assert runner.invoke(app, ["backup", str(target)]).exit_code == 0
    again = runner.invoke(app, ["backup", str(target)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def _store_with(attempts: list[Attempt]):  # type: ignore[no-untyped-def]
    store = open_store()
    with store.write() as conn:
        for a in attempts:
            insert(conn, a)
    return store


def test_stats_in_sql_equal_the_summary_of_every_attempt(isolated_home) -> None:  # type: ignore[no-untyped-def]
    from quizzer.practice.stats import summarise_store
    from quizzer.store.cards import due_map

    attempts = [att(f"q.{i}", ["attention", "moe", "estimation"][i % 3], ["choice", "concept", "numeric"][i % 3],
                    ["correct", "wrong", "skipped", "correct", "unrated"][i % 5], NOW - timedelta(hours=7 * i),
                    score=(i % 5) / 4, rating=(i % 4) + 1 if i % 5 < 2 or i % 5 == 3 else None) for i in range(60)]
    store = _store_with(attempts)
    try:
        assert summarise_store(store, NOW, TZ) == summarise(attempts, due_map(store), NOW, TZ)
    finally:
        store.close()


class _CountingConnection:
    """A connection whose cursors count the rows Python takes from them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.rows = conn, 0

    def execute(self, sql: str, args: tuple[object, ...] = ()) -> _CountingCursor:
        return _CountingCursor(self, self.conn.execute(sql, args))


class _CountingCursor:
    def __init__(self, owner: _CountingConnection, cursor: sqlite3.Cursor) -> None:
        self.owner, self.cursor = owner, cursor

    def fetchall(self) -> list[sqlite3.Row]:
        rows = self.cursor.fetchall()
        self.owner.rows += len(rows)
        return rows

    def __iter__(self) -> Iterator[sqlite3.Row]:
        for row in self.cursor:
            self.owner.rows += 1
            yield row

    def close(self) -> None:
        self.cursor.close()


def test_stats_fetch_aggregates_not_attempts(isolated_home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long history costs the same rows as a short one: groups, ratings and streak days, not attempts."""
    from quizzer.practice.stats import summarise_store

    def rows_fetched(n_days: int, per_day: int) -> int:
        store = _store_with([att(f"q.{d}.{k}", f"t{k % 4}", "choice", "correct", NOW - timedelta(days=d, minutes=k))
                             for d in range(n_days) for k in range(per_day)])
        counting = _CountingConnection(store.conn)
        with monkeypatch.context() as m:
            m.setattr(store, "conn", counting)
            summarise_store(store, NOW, TZ)
        store.close()
        return counting.rows

    assert rows_fetched(3, 5) == rows_fetched(3, 200)


def test_an_unrated_answer_is_shown_apart_in_stats_and_history(isolated_home) -> None:  # type: ignore[no-untyped-def]
    store = open_store()
    with store.write() as conn:
        insert(conn, att("moe.c", "moe", "concept", "unrated", NOW, score=1.0, rating=None))
        insert(conn, att("moe.p", "moe", "choice", "correct", NOW + timedelta(minutes=1)))
    runner = CliRunner()
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert (stats["answered"], stats["unrated"], stats["accuracy"]) == (1, 1, 1.0)
    assert stats["by_topic"] == [{"name": "moe", "answered": 1, "right": 1, "accuracy": 1.0}]
    human = runner.invoke(app, ["stats"]).stdout
    assert "1 answered · 1 right (100%) · 0 skipped · 1 unrated · streak" in human
    assert "moe    ████████████████████  100%  1" in human
    log = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert [(a["verdict"], a["rating"]) for a in log] == [("correct", 3), ("unrated", None)]
