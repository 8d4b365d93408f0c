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


def m006_attempt_grader(db: sqlite3.Connection) -> None:
    """Which grader judged each attempt: keypoints | llm for concept answers, judge for code, else the kind."""
    db.execute("ALTER TABLE attempts ADD COLUMN grader TEXT")


def m006_llm_replies(db: sqlite3.Connection) -> None:
    """LLM replies that validated, keyed by a hash of the request, so the same answer is never sent twice."""
    db.execute(
        """CREATE TABLE llm_replies (
            key TEXT PRIMARY KEY,     -- sha256 of endpoint, model and messages
            reply TEXT NOT NULL,
            created_at TEXT NOT NULL  -- UTC, ISO 8601
        )"""
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_attempts, m002_cards, m003_mocks, m004_task_passes,
                                                          m006_attempt_grader, m006_llm_replies]
