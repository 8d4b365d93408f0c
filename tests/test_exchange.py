"""History export and import: a round trip into a fresh folder, idempotent merges, newest card wins, bad files."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.models import Rating
from quizzer.practice.scheduler import card_id, next_card
from quizzer.store import cards as card_rows
from quizzer.store import open_store
from quizzer.store.attempts import Attempt, insert
from quizzer.store.mocks import save_mock

START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_fuzz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_FSRS_FUZZ", "0")


def review(qid: str, rating: Rating | None, when: datetime, verdict: str = "correct", mode: str = "practice") -> None:
    """Record an answer the way practice does: the attempt, and the card moved when it was rated."""
    store = open_store()
    try:
        with store.write() as conn:
            insert(conn, Attempt(question_id=qid, topic=qid.split(".")[0], kind="concept", answer=f"answer to {qid}",
                                 verdict=verdict, score=0.75, seconds=12.5, mode=mode, session_id="s-" + qid,
                                 answered_at=when, params={"batch": 4} if "num" in qid else None, rating=rating))
            if rating is not None and verdict != "skipped":
                card, due = next_card(card_rows.load(store, qid), qid, rating, when)
                card_rows.save(store, qid, card, due)
    finally:
        store.close()


def some_history() -> None:
    review("attention.a", Rating.GOOD, START)
    review("attention.a", Rating.AGAIN, START + timedelta(days=2), verdict="wrong")
    review("kv.num", Rating.EASY, START + timedelta(hours=5))
    review("kv.b", None, START + timedelta(days=1), verdict="unrated")
    review("kv.c", None, START + timedelta(days=3), verdict="skipped")
    review("kv.b", Rating.HARD, START + timedelta(days=3, hours=1), mode="mock")
    store = open_store()
    try:
        save_mock(store, "mock-1", START + timedelta(days=3), START + timedelta(days=3, minutes=40), 45.0, "core", 7,
                  0.5, "reports/mock-1.md", {"score": 0.5, "sections": ["concept"]})
    finally:
        store.close()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def use_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("QUIZZER_HOME", str(home))


def views() -> tuple[object, object]:
    code, history, _ = run("history", "-n", "1000", "--json")
    code2, stats, _ = run("stats", "--json")
    assert code == code2 == 0
    return json.loads(history), json.loads(stats)


def test_round_trip_into_a_fresh_folder_reproduces_history_and_stats(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "laptop")
    some_history()
    before = views()
    code, out, err = run("export", "history", str(tmp_path / "h.json"))
    assert code == 0, err
    assert out == f"6 attempts, 3 cards and 1 mock written to {tmp_path / 'h.json'} (on the other machine: " \
                  "quizzer import h.json)\n"
    doc = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("quizzer-history", 1)
    assert len({a["uid"] for a in doc["attempts"]}) == 6

    use_home(monkeypatch, tmp_path / "desktop")
    code, out, err = run("import", str(tmp_path / "h.json"), "--json")
    assert code == 0, err
    merged = json.loads(out)
    assert (merged["attempts_added"], merged["cards_added"], merged["mocks_added"]) == (6, 3, 1)
    assert views() == before
    store = open_store()
    try:
        (mock,) = store.read("SELECT * FROM mocks")
        assert mock["id"] == "mock-1"
        assert json.loads(mock["summary"]) == {"score": 0.5, "sections": ["concept"]}
    finally:
        store.close()

    code, out, _ = run("import", str(tmp_path / "h.json"))
    assert code == 0
    assert out == f"nothing new in {tmp_path / 'h.json'}: your history already has all of it\n"
    assert views() == before
    run("export", "history", str(tmp_path / "again.json"))
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert again["attempts"] == doc["attempts"]
    assert again["cards"] == doc["cards"]
    assert again["mocks"] == doc["mocks"]


def test_a_merge_keeps_the_newer_card_on_either_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "a")
    review("attention.a", Rating.GOOD, START)
    review("kv.b", Rating.GOOD, START)
    review("kv.b", Rating.GOOD, START + timedelta(days=4))  # a's kv.b is newer
    run("export", "history", str(tmp_path / "a.json"))
    use_home(monkeypatch, tmp_path / "b")
    review("attention.a", Rating.GOOD, START)
    review("attention.a", Rating.AGAIN, START + timedelta(days=6))  # b's attention.a is newer
    review("kv.b", Rating.AGAIN, START + timedelta(days=1))
    store = open_store()
    ours = card_rows.load(store, "attention.a")
    store.close()

    code, out, _ = run("import", str(tmp_path / "a.json"), "--json")
    assert code == 0
    merged = json.loads(out)
    assert (merged["attempts_added"], merged["cards_updated"], merged["cards_kept"]) == (3, 1, 1)
    store = open_store()
    try:
        assert card_rows.load(store, "attention.a") == ours
        kv = json.loads(card_rows.load(store, "kv.b") or "{}")
        assert datetime.fromisoformat(kv["last_review"]) == START + timedelta(days=4)
        assert len(store.read("SELECT * FROM attempts")) == 6
    finally:
        store.close()


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not a quizzer history file (not valid JSON, line 1)"),
    ('{"format": "anki", "version": 1}', 'not a quizzer history file (no "format": "quizzer-history")'),
    ('{"format": "quizzer-history", "version": 2}',
     "history format version 2 is unknown to this quizzer (it reads version 1); upgrade quizzer to import it"),
])
def test_a_file_of_another_kind_or_version_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "h.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("import", str(path))
    assert (code, out, err) == (2, "", f"error: {path}: {message}\n")


def test_a_bad_entry_imports_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "a")
    some_history()
    run("export", "history", str(tmp_path / "h.json"))
    doc = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    doc["attempts"][4]["score"] = "high"
    (tmp_path / "h.json").write_text(json.dumps(doc), encoding="utf-8")
    use_home(monkeypatch, tmp_path / "b")
    code, _, err = run("import", str(tmp_path / "h.json"))
    assert (code, err) == (2, f"error: {tmp_path / 'h.json'}: attempts[4].score must be a number\n")
    assert views()[0] == []


def test_export_and_import_speak_chinese_with_lang_zh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "laptop")
    some_history()
    target = tmp_path / "h.json"
    code, out, err = run("export", "history", str(target), "--lang", "zh")
    assert code == 0, err
    assert out == f"已写入 {target}：6 次作答、3 张卡片、1 次模拟面试（在另一台机器上：quizzer import h.json）\n"
    use_home(monkeypatch, tmp_path / "desktop")
    code, out, err = run("import", str(target), "--lang", "zh")
    assert code == 0, err
    assert out.startswith(f"已导入 {target}：新增 6 次作答（已有 0 次），卡片新增 3、") and out.endswith("新增 1 次模拟面试\n")
    assert run("import", str(target), "--lang", "zh")[1] == f"{target} 中没有新内容：你的历史记录已全部包含\n"


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "h.json"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("export", "history", str(target))
    assert (code, err) == (2, f"error: {target} already exists; choose another name or add --force\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("export", "history", str(target), "--force")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "quizzer-history"


def test_fsrs_csv_has_the_optimizer_columns_and_one_row_per_review(tmp_path: Path) -> None:
    some_history()
    code, out, err = run("export", "history", "--format", "fsrs-csv", str(tmp_path / "log.csv"))
    assert code == 0, err
    assert out == f"4 reviews written to {tmp_path / 'log.csv'} in the FSRS optimizer's review-log columns\n"
    with (tmp_path / "log.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["card_id", "review_time", "review_rating", "review_state", "review_duration"]
    by = [(int(r["card_id"]), int(r["review_time"]), int(r["review_rating"]), int(r["review_state"]),
           int(r["review_duration"])) for r in rows]
    ms = lambda d: int(d.timestamp() * 1000)  # noqa: E731
    assert by == [(card_id("attention.a"), ms(START), 3, 0, 12500),
                  (card_id("kv.num"), ms(START + timedelta(hours=5)), 4, 0, 12500),
                  # one Good leaves a new card in its learning steps: state 1 (learning) when it is next seen
                  (card_id("attention.a"), ms(START + timedelta(days=2)), 1, 1, 12500),
                  (card_id("kv.b"), ms(START + timedelta(days=3, hours=1)), 2, 0, 12500)]


def test_unknown_history_format_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("export", "history", "--format", "xml", str(tmp_path / "h.xml"))
    assert (code, err) == (2, "error: unknown format 'xml' (--format: one of json, fsrs-csv)\n")


def test_attempts_recorded_before_the_uid_migration_get_one(tmp_path: Path) -> None:
    import sqlite3

    from quizzer.store.migrations import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for migration in MIGRATIONS[:4]:  # a history file from before m005
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, ?)", (migration.__name__, START.isoformat()))
    for qid in ("a.q", "b.q"):
        conn.execute("INSERT INTO attempts (question_id, topic, kind, answer, verdict, score, seconds, mode,"
                     " session_id, answered_at) VALUES (?, 'a', 'concept', 'x', 'correct', 1, 2, 'practice', 's', ?)",
                     (qid, START.isoformat()))
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        uids = [r["uid"] for r in store.read("SELECT uid FROM attempts")]
    finally:
        store.close()
    assert len(set(uids)) == 2
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)


def test_counts_are_singular_or_plural_as_they_should(tmp_path: Path) -> None:
    from quizzer.cli.console import counted

    assert counted(1, "mock") == "1 mock" and counted(2, "deck") == "2 decks"
    assert counted(1, "attempt", "zh") == "1 次作答"
