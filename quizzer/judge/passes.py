"""Which hand-write tasks the user has passed, and when: one row per passing grade in the history file.

`quizzer grade` (one-shot or `--watch`), practice and the mock call `record_pass` after each grade; only a
PASS is written. `quizzer tasks` shows the latest pass of each task. The history being locked or damaged
never stops a grade: the pass is then simply not recorded.
"""

from __future__ import annotations

from datetime import datetime

from quizzer.errors import QuizzerError
from quizzer.judge.verdict import Verdict


def record_pass(verdict: Verdict) -> bool:
    """Write a passing verdict to the history (True if written)."""
    if not verdict.passed:
        return False
    from quizzer.store import open_store
    from quizzer.store.db import utcnow

    try:
        store = open_store()
        try:
            with store.write() as conn:
                conn.execute("INSERT INTO task_passes (task, file, passed_at) VALUES (?, ?, ?)",
                             (verdict.task, verdict.file, utcnow().isoformat()))
        finally:
            store.close()
    except QuizzerError:
        return False
    return True


def passed_tasks() -> dict[str, datetime]:
    """Each passed task's latest pass (UTC); empty when there is no history yet or it cannot be read."""
    from quizzer.store.db import default_path, open_store

    if not default_path().exists():
        return {}  # listing tasks must not create a history file
    try:
        store = open_store()
        try:
            rows = store.read("SELECT task, MAX(passed_at) AS last FROM task_passes GROUP BY task")
        finally:
            store.close()
    except QuizzerError:
        return {}
    return {str(r["task"]): datetime.fromisoformat(str(r["last"])) for r in rows}
