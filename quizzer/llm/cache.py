"""Replies cached by a hash of everything sent, so grading the same text again costs nothing."""

from __future__ import annotations

import hashlib
import json

from quizzer.llm.config import LlmConfig
from quizzer.store import Store
from quizzer.store.db import utcnow


def key(config: LlmConfig, messages: list[dict[str, str]]) -> str:
    """The content hash of one request: endpoint, model and messages (never the API key)."""
    blob = json.dumps([config.base_url, config.model, messages], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def lookup(store: Store, digest: str) -> str | None:
    """A reply that validated before, or None."""
    rows = store.read("SELECT reply FROM llm_replies WHERE key = ?", (digest,))
    return str(rows[0]["reply"]) if rows else None


def remember(store: Store, digest: str, reply: str) -> None:
    """Keep a reply that validated (a failed one is asked again next time)."""
    with store.write() as conn:
        conn.execute("INSERT OR REPLACE INTO llm_replies (key, reply, created_at) VALUES (?, ?, ?)",
                     (digest, reply, utcnow().isoformat()))
