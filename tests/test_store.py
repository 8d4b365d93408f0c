"""The history file: migrations, immediate commits, concurrent writers, damage reported and left alone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.store import open_store
from quizzer.store.attempts import Attempt, insert, recent
from quizzer.store.db import StoreError
from quizzer.store.migrations import MIGRATIONS

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def attempt(qid: str = "demo.q", verdict: str = "correct") -> Attempt:
    return Attempt(question_id=qid, topic="demo", kind="numeric", answer="4.29 GB", verdict=verdict, score=1.0,
                   seconds=3.5, mode="practice", session_id="s1", answered_at=WHEN, params={"batch": 4}, rating=3)


def test_an_empty_file_is_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    open_store(path).close()
    store = open_store(path)
    names = [r[0] for r in store.read("SELECT name FROM _migrations ORDER BY name")]
    assert names == [m.__name__ for m in MIGRATIONS]
    tables = {r[0] for r in store.read("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"attempts", "cards", "mocks"} <= tables
    assert store.read("PRAGMA journal_mode")[0][0] == "wal"


def test_an_attempt_is_visible_to_another_connection_at_once(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = open_store(path)
    with store.write() as conn:
        insert(conn, attempt())
    other = open_store(path)
    (row,) = recent(other)
    assert row.question_id == "demo.q" and row.params == {"batch": 4} and row.answered_at == WHEN


def test_a_damaged_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"history file {path} is damaged"):
        open_store(path)
    assert path.read_bytes() == before


def test_practice_on_a_damaged_history_is_one_line_exit_2(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "history.sqlite3").write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(app, ["practice", "--count", "1"], input="")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: history file {isolated_home / 'history.sqlite3'} is damaged")
    assert result.stderr.count("\n") == 1


WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from quizzer.store import open_store
from quizzer.store.attempts import Attempt, insert
store = open_store(Path(sys.argv[1]))
for i in range(60):
    a = Attempt(question_id=f"demo.{sys.argv[2]}", topic="demo", kind="choice", answer=str(i), verdict="correct",
                score=1.0, seconds=1.0, mode="practice", session_id=sys.argv[2],
                answered_at=datetime.now(timezone.utc))
    with store.write() as conn:
        insert(conn, a)
"""


def test_two_sessions_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    open_store(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    counts = dict(sqlite3.connect(path).execute("SELECT session_id, COUNT(*) FROM attempts GROUP BY session_id"))
    assert counts == {"a": 60, "b": 60}


def test_backup_copies_history_and_refuses_to_overwrite(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    with store.write() as conn:
        insert(conn, attempt())
    target = store.backup(tmp_path / "copy.sqlite3")
    assert len(recent(open_store(target))) == 1
    with pytest.raises(StoreError, match="already exists"):
        store.backup(target)
