"""History: one SQLite file, migrated on open; attempts, FSRS cards and mock sessions."""

from quizzer.store.db import Store, default_path, open_store

__all__ = ["Store", "default_path", "open_store"]
