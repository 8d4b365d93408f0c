"""Days in the history: the review heatmap, the due forecast, new cards today, `stats --png`, and :undo's store side."""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.cli.calendar_view import shade
from quizzer.cli.practice_view import wait_in_words
from quizzer.practice.days import forecast, heatmap, new_today
from quizzer.practice.progress import save, undo
from quizzer.practice.session import Asked, Filters, Outcome, choose
from quizzer.store import open_store
from quizzer.store.attempts import insert, mark_undone
from quizzer.store.db import utcnow
from tests.test_report import att

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)  # a Monday; 20:00 in Beijing
TZ = timezone(timedelta(hours=8))


def card(qid: str, due: datetime) -> tuple[str, str, str, int]:
    return (qid, "{}", due.isoformat(), 1)


def test_heatmap_counts_local_days_and_leaves_out_skips_and_undone_ratings(isolated_home: Path) -> None:
    store = open_store()
    with store.write() as conn:
        insert(conn, att("a", "t", "choice", "correct", NOW))
        late_evening = datetime(2026, 11, 22, 17, 0, tzinfo=timezone.utc)  # 01:00 on 11-23 in Beijing
        insert(conn, att("b", "t", "choice", "wrong", late_evening))
        insert(conn, att("c", "t", "choice", "correct", datetime(2026, 11, 22, 15, 0, tzinfo=timezone.utc)))  # 11-22
        insert(conn, att("d", "t", "choice", "skipped", NOW, rating=None))
        mark_undone(conn, insert(conn, att("e", "t", "choice", "correct", NOW)), NOW)
        insert(conn, att("f", "t", "choice", "correct", NOW - timedelta(weeks=30)))  # before the first week shown
    days = heatmap(store, NOW, TZ)
    store.close()
    assert days[0].day == date(2026, 6, 1) and days[0].day.weekday() == 0  # 25 whole weeks and this one
    assert days[-1].day == date(2026, 11, 23) and len(days) == 176
    assert {d.day: d.count for d in days if d.count} == {date(2026, 11, 23): 2, date(2026, 11, 22): 1}


def test_forecast_puts_overdue_reviews_today_and_stops_after_14_days(isolated_home: Path) -> None:
    store = open_store()
    with store.write() as conn:
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?)", [
            card("late", NOW - timedelta(days=3)), card("tonight", NOW + timedelta(hours=3)),  # 23:00 local
            card("past-midnight", NOW + timedelta(hours=5)), card("day13", NOW + timedelta(days=13)),
            card("day14", NOW + timedelta(days=14))])
    days = forecast(store, NOW, TZ)
    store.close()
    assert [d.day for d in days] == [date(2026, 11, 23) + timedelta(days=i) for i in range(14)]
    assert [d.count for d in days] == [2, 1] + [0] * 11 + [1]


def test_new_today_counts_cards_first_reviewed_today_only(isolated_home: Path) -> None:
    store = open_store()
    with store.write() as conn:
        insert(conn, att("old", "t", "choice", "correct", NOW - timedelta(days=2)))
        insert(conn, att("old", "t", "choice", "correct", NOW))
        insert(conn, att("new", "t", "choice", "wrong", NOW, rating=1))
        mark_undone(conn, insert(conn, att("undone", "t", "choice", "correct", NOW)), NOW)
        insert(conn, replace(att("crammed", "t", "choice", "correct", NOW), mode="cram"))
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?)",
                         [card(q, NOW) for q in ("old", "new", "undone", "crammed")])
    # Cards written by hand here: 'old' was first reviewed two days ago, the others only by undone or cram answers.
    assert new_today(store, NOW, TZ) == 1
    store.close()


def test_undo_puts_back_the_card_as_it_was(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_FSRS_FUZZ", "0")
    from quizzer.bank.catalog import load_catalog

    q = next(q for q in load_catalog().questions if q.kind == "choice")
    outcome = Outcome(Asked(1, 1, q, None, "p", 0.0), "B", "correct", 1.0, 2.0)
    store = open_store()
    from quizzer.models import Rating

    save(store, outcome, Rating.GOOD, "practice", "s", NOW)
    first = store.read("SELECT card, due, reviews FROM cards")[0]
    later = save(store, outcome, Rating.EASY, "practice", "s", NOW + timedelta(hours=1))
    assert later.due is not None and later.due > NOW + timedelta(days=1)
    undo(store, later, NOW + timedelta(hours=1))
    assert tuple(store.read("SELECT card, due, reviews FROM cards")[0]) == tuple(first)
    assert [r[0] for r in store.read("SELECT undone_at IS NOT NULL FROM attempts ORDER BY id")] == [0, 1]
    crammed = save(store, outcome, Rating.EASY, "cram", "s", NOW, schedule=False)
    assert (crammed.scheduled, crammed.due) == (False, None)
    assert tuple(store.read("SELECT card, due, reviews FROM cards")[0]) == tuple(first)
    store.close()


def test_daily_limit_holds_back_new_questions_and_ends_the_session_there() -> None:
    from quizzer.bank.catalog import load_catalog

    pool = [q for q in load_catalog().questions if q.kind == "choice"][:6]
    due = {pool[0].id: NOW - timedelta(hours=1), pool[1].id: NOW + timedelta(days=3)}
    free = choose(pool, Filters(), 10, random.Random(1), due, NOW)
    assert free.held_back == 0 and len(free.questions) == 6 and free.questions[-1] is pool[1]
    limited = choose(pool, Filters(), 10, random.Random(1), due, NOW, new_allowed=1)
    # The overdue review, one new question, and no early review: 3 new ones wait for tomorrow.
    assert (len(limited.questions), limited.held_back) == (2, 3) and limited.questions[0] is pool[0]
    assert choose(pool, Filters(), 2, random.Random(1), due, NOW, new_allowed=1).held_back == 0  # full anyway


def test_wait_in_words_and_shades() -> None:
    assert wait_in_words(timedelta(minutes=10), "en") == "again in 10 minutes"
    assert wait_in_words(timedelta(seconds=20), "en") == "again in 1 minute"
    assert wait_in_words(timedelta(hours=23, minutes=30), "en") == "again in 1 day"
    assert wait_in_words(timedelta(days=4, hours=2), "zh") == "下次复习：4 天后"
    assert [shade(n, 8) for n in (0, 1, 2, 3, 5, 8)] == [0, 1, 1, 2, 3, 4]


def _history_today() -> None:
    now = utcnow()
    store = open_store()
    with store.write() as conn:
        insert(conn, att("x", "attention", "choice", "correct", now))
        insert(conn, att("y", "attention", "choice", "wrong", now - timedelta(days=1)))
        conn.execute("INSERT INTO cards VALUES (?, ?, ?, ?)", card("x", now - timedelta(minutes=1)))
    store.close()


def test_stats_json_has_heatmap_and_forecast(isolated_home: Path) -> None:
    _history_today()
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    today = datetime.now().astimezone().date()
    assert data["version"] == 1 and data["answered"] == 2  # the existing fields stay
    assert data["heatmap"][-1] == {"date": today.isoformat(), "reviews": 1}
    assert data["heatmap"][-2] == {"date": (today - timedelta(days=1)).isoformat(), "reviews": 1}
    assert date.fromisoformat(data["heatmap"][0]["date"]).weekday() == 0 and sum(
        d["reviews"] for d in data["heatmap"]) == 2
    assert data["forecast"][0] == {"date": today.isoformat(), "due": 1}
    assert len(data["forecast"]) == 14 and sum(d["due"] for d in data["forecast"]) == 1


def test_stats_text_draws_the_heatmap_and_forecast(isolated_home: Path) -> None:
    _history_today()
    text = CliRunner().invoke(app, ["stats"]).stdout
    assert "reviews per day, " in text and ": 2 in all, busiest day 1\n" in text
    assert "    less · ░ ▒ ▓ █ more\n" in text
    assert "reviews due, next 14 days: 1\n" in text
    assert "\ntoday     " + "█" * 30 + " 1\n" in text
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("reviews per day")) + 2
    grid = lines[start:start + 7]  # under the month names: Monday to Sunday
    assert [row[:4] for row in grid] == ["Mon ", "    ", "Wed ", "    ", "Fri ", "    ", "Sun "]
    today = datetime.now().astimezone().date()
    for back in (0, 1):  # today's and yesterday's cells are the busiest: last in their weekday's row
        assert grid[(today - timedelta(days=back)).weekday()].rstrip().endswith("█")
    days = 25 * 7 + today.weekday() + 1  # 25 whole weeks, then this week up to today
    assert sum(row.count("█") for row in grid) == 2 and sum(row.count("·") for row in grid) == days - 2


def test_stats_in_chinese_titles_the_heatmap_and_forecast_from_the_catalog(isolated_home: Path) -> None:
    _history_today()
    text = CliRunner().invoke(app, ["stats", "--lang", "zh"]).stdout
    assert "每日复习，" in text and "：共 2 次，最多的一天 1 次\n" in text
    assert "    少 · ░ ▒ ▓ █ 多\n" in text
    assert "待复习，未来 14 天：1\n" in text
    assert "reviews per day" not in text and "reviews due" not in text


def test_stats_png_writes_an_image_and_will_not_overwrite(isolated_home: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    _history_today()
    target = tmp_path / "stats.png"
    runner = CliRunner()
    result = runner.invoke(app, ["stats", "--png", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"heatmap and forecast drawn in {target}\n" in result.stdout
    again = runner.invoke(app, ["stats", "--png", str(target)])
    assert again.exit_code == 2
    assert again.stderr == f"error: {target} already exists; choose another name or add --force to overwrite it\n"
    assert runner.invoke(app, ["stats", "--png", str(target), "--force", "--json"]).exit_code == 0


def test_stats_png_without_matplotlib_names_the_extra(isolated_home: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it now raises ImportError
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    result = CliRunner().invoke(app, ["stats", "--png", str(tmp_path / "s.png")])
    assert result.exit_code == 2
    assert result.stderr == "error: stats --png needs matplotlib: pip install 'quizzer[plot]'\n"
    assert not (tmp_path / "s.png").exists()


def test_history_marks_an_undone_rating(isolated_home: Path) -> None:
    store = open_store()
    with store.write() as conn:
        mark_undone(conn, insert(conn, att("attention.x", "attention", "choice", "correct", NOW)), NOW)
        insert(conn, replace(att("attention.x", "attention", "choice", "wrong", NOW + timedelta(seconds=5)),
                             mode="cram"))
    store.close()
    runner = CliRunner()
    log = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert [(a["verdict"], a["mode"], a["undone"]) for a in log] == [("wrong", "cram", False),
                                                                     ("correct", "practice", True)]
    text = runner.invoke(app, ["history"]).stdout
    assert "correct (undone)" in text
    assert " cram " in text
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["answered"] == 1  # the undone one counts not


def test_undone_and_cram_answers_survive_export_and_stay_out_of_the_review_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizzer.practice.reviewlog import reviews

    monkeypatch.setenv("QUIZZER_HOME", str(tmp_path / "laptop"))
    store = open_store()
    with store.write() as conn:
        mark_undone(conn, insert(conn, att("attention.x", "attention", "choice", "correct", NOW)), NOW)
        insert(conn, att("attention.x", "attention", "choice", "wrong", NOW + timedelta(seconds=5), rating=1))
        insert(conn, replace(att("attention.y", "attention", "choice", "correct", NOW), mode="cram"))
    assert [(r.question_id, int(r.rating)) for r in reviews(store)] == [("attention.x", 1)]
    store.close()
    runner = CliRunner()
    before = [runner.invoke(app, args).stdout for args in (["history", "--json"], ["stats", "--json"])]
    assert runner.invoke(app, ["export", "history", str(tmp_path / "h.json")]).exit_code == 0
    monkeypatch.setenv("QUIZZER_HOME", str(tmp_path / "desktop"))
    assert runner.invoke(app, ["import", str(tmp_path / "h.json")]).exit_code == 0
    after = [runner.invoke(app, args).stdout for args in (["history", "--json"], ["stats", "--json"])]
    assert [a["undone"] for a in json.loads(after[0])] == [False, False, True]
    assert after == before
