"""Named schema migrations, applied in order on open; a name once shipped is never edited."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def m001_attempts(db: sqlite3.Connection) -> None:
    """Every graded answer, committed the moment it is graded."""
    db.execute(
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            kind TEXT NOT NULL,
            params TEXT,              -- JSON of the variant's parameters (numeric questions)
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL,    -- correct | wrong | skipped
            score REAL NOT NULL,      -- 0..1 (key-point coverage for concept answers)
            rating INTEGER,           -- FSRS rating 1..4 given or implied
            seconds REAL NOT NULL,
            mode TEXT NOT NULL,       -- practice | mock
            session_id TEXT NOT NULL,
            answered_at TEXT NOT NULL -- UTC, ISO 8601
        )"""
    )
    db.execute("CREATE INDEX attempts_question ON attempts (question_id)")
    db.execute("CREATE INDEX attempts_time ON attempts (answered_at)")


def m002_cards(db: sqlite3.Connection) -> None:
    """FSRS card state per question (the fsrs package's own dict form, as JSON)."""
    db.execute(
        """CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            due TEXT NOT NULL,
            reviews INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX cards_due ON cards (due)")


def m003_mocks(db: sqlite3.Connection) -> None:
    """Mock interviews and their scorecards."""
    db.execute(
        """CREATE TABLE mocks (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            minutes REAL NOT NULL,
            track TEXT NOT NULL,
            seed INTEGER,
            score REAL,
            report_path TEXT,
            summary TEXT              -- JSON scorecard
        )"""
    )


def m004_task_passes(db: sqlite3.Connection) -> None:
    """Hand-write tasks passed by `quizzer grade`, practice or a mock (quizzer/judge/passes.py)."""
    db.execute(
        """CREATE TABLE task_passes (
            task TEXT NOT NULL,
            file TEXT NOT NULL,
            passed_at TEXT NOT NULL   -- UTC, ISO 8601
        )"""
    )
    db.execute("CREATE INDEX task_passes_task ON task_passes (task)")


def m005_attempt_uids_and_fsrs_params(db: sqlite3.Connection) -> None:
    """A stable id per attempt (so history merges between machines) and the personal FSRS parameters."""
    db.execute("ALTER TABLE attempts ADD COLUMN uid TEXT")
    # Attempts recorded before this migration get a random id of the same shape as new ones (uuid4 hex).
    db.execute("UPDATE attempts SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db.execute("CREATE UNIQUE INDEX attempts_uid ON attempts (uid)")
    db.execute(
        """CREATE TABLE fsrs_params (
            id INTEGER PRIMARY KEY CHECK (id = 1),  -- one row: the parameters in use
            parameters TEXT NOT NULL,               -- JSON array of floats, as fsrs.Scheduler takes them
            reviews INTEGER NOT NULL,               -- how many reviews they were fitted on
            fitted_at TEXT NOT NULL                 -- UTC, ISO 8601
        )"""
    )


def m006_attempts_undone(db: sqlite3.Connection) -> None:
    """When a rating was taken back with :undo (NULL for every rating that stands)."""
    db.execute("ALTER TABLE attempts ADD COLUMN undone_at TEXT")


def m007_attempt_grader(db: sqlite3.Connection) -> None:
    """Which grader judged each attempt: keypoints | llm for concept answers, judge for code, else the kind."""
    db.execute("ALTER TABLE attempts ADD COLUMN grader TEXT")


def m007_llm_replies(db: sqlite3.Connection) -> None:
    """LLM replies that validated, keyed by a hash of the request, so the same answer is never sent twice."""
    db.execute(
        """CREATE TABLE llm_replies (
            key TEXT PRIMARY KEY,     -- sha256 of endpoint, model and messages
            reply TEXT NOT NULL,
            created_at TEXT NOT NULL  -- UTC, ISO 8601
        )"""
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_attempts, m002_cards, m003_mocks, m004_task_passes,
                                                          m005_attempt_uids_and_fsrs_params, m006_attempts_undone,
                                                          m007_attempt_grader, m007_llm_replies]
