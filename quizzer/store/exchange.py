"""Moving a history between machines: one JSON document out, a merge in (idempotent, newest card wins)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from quizzer.models import Lang, Rating, in_lang
from quizzer.store.attempts import Attempt, insert, mark_undone
from quizzer.store.db import Store, utcnow
from quizzer.store.exchange_check import FORMAT, VERSION, ExchangeError, read_document


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    path: Path
    attempts: int
    cards: int
    mocks: int


@dataclass(frozen=True)
class Merged:
    """What an import changed; all zero on a second import of the same file."""

    path: Path
    attempts_added: int
    attempts_known: int
    cards_added: int
    cards_updated: int
    cards_kept: int  # the local card was as new or newer
    mocks_added: int
    mocks_known: int

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return bool(self.attempts_added or self.cards_added or self.cards_updated or self.mocks_added)


def _attempt_entry(row: Any) -> dict[str, Any]:
    return {"uid": row["uid"], "question_id": row["question_id"], "topic": row["topic"], "kind": row["kind"],
            "params": json.loads(row["params"]) if row["params"] else None, "answer": row["answer"],
            "verdict": row["verdict"], "score": row["score"], "rating": row["rating"], "seconds": row["seconds"],
            "mode": row["mode"], "session_id": row["session_id"], "answered_at": row["answered_at"],
            "undone_at": row["undone_at"]}


def history_document(store: Store) -> dict[str, Any]:
    """The whole history as one JSON-ready document, attempts in the order they were recorded."""
    attempts = [_attempt_entry(r) for r in store.read("SELECT * FROM attempts ORDER BY id")]
    cards = [{"question_id": r["question_id"], "card": json.loads(r["card"]), "due": r["due"],
              "reviews": r["reviews"]} for r in store.read("SELECT * FROM cards ORDER BY question_id")]
    mocks = [{"id": r["id"], "started_at": r["started_at"], "ended_at": r["ended_at"], "minutes": r["minutes"],
              "track": r["track"], "seed": r["seed"], "score": r["score"], "report_path": r["report_path"],
              "summary": json.loads(r["summary"]) if r["summary"] else None}
             for r in store.read("SELECT * FROM mocks ORDER BY started_at, id")]
    return {"format": FORMAT, "version": VERSION, "exported_at": utcnow().isoformat(),
            "attempts": attempts, "cards": cards, "mocks": mocks}


def refuse_overwrite(path: Path, force: bool, lang: Lang = "en") -> None:
    """An ExchangeError when `path` exists and --force was not given."""
    if path.exists() and not force:
        raise ExchangeError(in_lang(lang, f"{path} already exists; choose another name or add --force",
                                    f"{path} 已存在；请换个文件名，或加 --force 覆盖"))


def write_history(store: Store, path: Path, force: bool = False, lang: Lang = "en") -> Exported:
    """Write the history document to `path` (refusing to overwrite without `force`)."""
    refuse_overwrite(path, force, lang)
    doc = history_document(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ExchangeError(in_lang(lang, f"cannot write {path}: {exc.strerror}",
                                    f"无法写入 {path}：{exc.strerror}")) from None
    return Exported(path, len(doc["attempts"]), len(doc["cards"]), len(doc["mocks"]))


def _last_review(card: dict[str, Any]) -> datetime | None:
    value = card.get("last_review")
    return datetime.fromisoformat(value) if value else None


def _newer(incoming: dict[str, Any], local: dict[str, Any]) -> bool:
    """Whether the incoming card was reviewed after the local one (a tie keeps the local card)."""
    theirs, ours = _last_review(incoming), _last_review(local)
    return theirs is not None and (ours is None or theirs > ours)


def merge(store: Store, doc: dict[str, Any], path: Path) -> Merged:
    """Merge a checked document in one transaction: new attempts and mocks added, cards replaced only by newer."""
    with store.write() as conn:
        known = {str(r[0]) for r in conn.execute("SELECT uid FROM attempts")}
        added = 0
        for a in doc.get("attempts", []):
            if a["uid"] in known:
                continue
            known.add(a["uid"])
            attempt = Attempt(question_id=a["question_id"], topic=a["topic"], kind=a["kind"], answer=a["answer"],
                              verdict=a["verdict"], score=float(a["score"]), seconds=float(a["seconds"]),
                              mode=a["mode"], session_id=a["session_id"],
                              answered_at=datetime.fromisoformat(a["answered_at"]), params=a["params"],
                              rating=None if a["rating"] is None else Rating(a["rating"]), uid=a["uid"])
            attempt_id = insert(conn, attempt)
            if a.get("undone_at"):  # a rating taken back with :undo stays taken back on this machine too
                mark_undone(conn, attempt_id, datetime.fromisoformat(a["undone_at"]))
            added += 1
        cards = {"added": 0, "updated": 0, "kept": 0}
        for c in doc.get("cards", []):
            row = conn.execute("SELECT card FROM cards WHERE question_id = ?", (c["question_id"],)).fetchone()
            values = (json.dumps(c["card"]), c["due"], c["reviews"], c["question_id"])
            if row is None:
                conn.execute("INSERT INTO cards (card, due, reviews, question_id) VALUES (?, ?, ?, ?)", values)
                cards["added"] += 1
            elif _newer(c["card"], json.loads(row[0])):
                conn.execute("UPDATE cards SET card = ?, due = ?, reviews = ? WHERE question_id = ?", values)
                cards["updated"] += 1
            else:
                cards["kept"] += 1
        mocks_added = 0
        for m in doc.get("mocks", []):
            cur = conn.execute(
                "INSERT OR IGNORE INTO mocks (id, started_at, ended_at, minutes, track, seed, score, report_path,"
                " summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (m["id"], m["started_at"], m["ended_at"], m["minutes"], m["track"], m["seed"], m["score"],
                 m["report_path"], None if m["summary"] is None else json.dumps(m["summary"], ensure_ascii=False)))
            mocks_added += cur.rowcount
    total_attempts, total_mocks = len(doc.get("attempts", [])), len(doc.get("mocks", []))
    return Merged(path, added, total_attempts - added, cards["added"], cards["updated"], cards["kept"],
                  mocks_added, total_mocks - mocks_added)


def import_history(store: Store, path: Path, lang: Lang = "en") -> Merged:
    """Read, check and merge the export in `path`; nothing is written when any part of it is wrong."""
    return merge(store, read_document(path, lang), path)
