"""Opening the history file: WAL, migrations, and one-line errors for corrupt or locked files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from quizzer.errors import QuizzerError
from quizzer.store.migrations import MIGRATIONS

FILENAME = "history.sqlite3"


class StoreError(QuizzerError):
    """The history file cannot be used."""


def data_dir() -> Path:
    """QUIZZER_HOME, else the platform's user data folder."""
    home = os.environ.get("QUIZZER_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("quizzer", appauthor=False))


def default_path() -> Path:
    """The history file."""
    return data_dir() / FILENAME


def utcnow() -> datetime:
    """Now, timezone-aware UTC."""
    return datetime.now(UTC)


def _explain(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"history file {path} is locked by another program; try again in a moment")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"history file {path} is damaged ({text}); it was left as it is: move it aside "
                          f"to start a new history, or restore a backup")
    return StoreError(f"history file {path}: {text}")


class Store:
    """A connection to the history file; every write commits at once."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front, so two sessions never interleave a read-modify-write."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a query."""
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc

    def backup(self, target: Path) -> Path:
        """A consistent copy of the history (VACUUM INTO); refuses to overwrite."""
        if target.exists():
            raise StoreError(f"{target} already exists; choose another name")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn.execute("VACUUM INTO ?", (str(target),))
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc
        return target

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _migrate(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        # Re-check inside the lock: another process may have applied it meanwhile.
        if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.__name__,)).fetchone():
            conn.rollback()
            continue
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, ?)", (migration.__name__, utcnow().isoformat()))
        conn.commit()


def open_store(path: Path | None = None) -> Store:
    """Open (creating and migrating if needed) the history file."""
    path = path or default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {path.parent}: {exc.strerror}") from exc
    try:
        # isolation_level=None: we issue BEGIN ourselves, so each attempt is its own committed transaction.
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA foreign_keys=ON")
        _migrate(conn)
    except sqlite3.Error as exc:
        raise _explain(path, exc) from exc
    return Store(path, conn)
