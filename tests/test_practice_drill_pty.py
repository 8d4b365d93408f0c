"""Practice's study controls in a real terminal: :undo, --cram, the daily limit of new questions, the next due line."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from pathlib import Path

import pexpect

from tests.conftest import demo_bank
from tests.test_practice_pty import NUMERIC


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    bank = demo_bank(tmp_path, "practice", NUMERIC)
    env = dict(os.environ, QUIZZER_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="120", QUIZZER_FSRS_FUZZ="0")
    return pexpect.spawn(sys.executable, ["-m", "quizzer", "practice", "--bank", str(bank), *args],
                         env=env, encoding="utf-8", timeout=30, dimensions=(40, 120))


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(tmp_path / "home" / "history.sqlite3")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def finish(child: pexpect.spawn) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_undo_takes_back_the_rating_and_asks_the_question_again(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--id", "demo.pick", "--id", "demo.kv")
    child.expect("How many experts")
    child.sendline("b")
    child.expect("✓ correct")
    child.expect("again in 10 minutes")  # a new card rated Good waits one FSRS learning step
    child.expect("Answer in GB")
    child.expect("> ")
    child.sendline(":undo")
    child.expect("rating taken back: the question is asked again")
    child.expect("1/2 · demo · choice")  # back to the same card, as Anki's undo does
    child.expect("> ")
    child.sendline(":undo")
    child.expect("nothing to undo")  # only the last rating of the session
    child.sendline("a")
    child.expect("✗ wrong")
    child.expect("again in 1 minute")
    child.expect("Answer in GB")
    child.sendline("4.29 GB")
    child.expect("✓ correct")
    child.expect("done: 2 answered, 1 right, 0 skipped")
    finish(child)
    # The undone attempt stays in history, marked; the card holds only the review that stands (Again).
    assert rows(tmp_path, "SELECT question_id, verdict, rating, undone_at IS NOT NULL FROM attempts ORDER BY id") == [
        ("demo.pick", "correct", 3, 1), ("demo.pick", "wrong", 1, 0), ("demo.kv", "correct", 3, 0)]
    assert rows(tmp_path, "SELECT question_id, reviews, json_extract(card, '$.step') FROM cards ORDER BY 1") == [
        ("demo.kv", 1, 1), ("demo.pick", 1, 0)]


def test_undo_in_help_and_a_self_rated_answer_comes_back(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--id", "demo.sqrt", "--id", "demo.pick", "--lang", "zh")
    child.expect("> ")
    child.sendline(":help")
    child.expect(":undo 撤销上次评分并重答")
    child.sendline("点积的方差随 d_k 增大")
    child.sendline("")
    child.expect("rating> ")
    child.sendline("4")
    child.expect(r"下次复习：\d+ 天后")  # Easy on a new card graduates it to days
    child.expect("> ")
    child.sendline(":undo")
    child.expect("已撤销上次评分")
    child.expect("1/2 · demo · 概念")  # a --lang zh run names the kind in Chinese
    child.sendline(":quit")
    finish(child)
    assert rows(tmp_path, "SELECT COUNT(*) FROM cards") == [(0,)]  # a card made by the undone rating is gone


def test_cram_goes_through_everything_and_leaves_the_schedule(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--id", "demo.pick", "--count", "1")
    child.sendline("b")
    child.expect("again in 10 minutes")
    finish(child)
    before = rows(tmp_path, "SELECT question_id, card, due, reviews FROM cards")
    child = spawn(tmp_path, "--topic", "demo", "--cram", "--seed", "1")
    child.logfile_read = screen = io.StringIO()
    child.expect("· 3 questions ·")  # the whole selection, due or not
    answered = 0
    while True:
        index = child.expect([r"How many experts.*?\n> ", r"Answer in GB.*?\n> ", r"sqrt\(d_k\).*?\n> ", "done: "])
        if index == 3:
            break
        answered += 1
        if index == 0:
            child.sendline("b")
        elif index == 1:
            child.sendline("4.29 GB")
        else:
            child.sendline("The dot product variance grows with d_k")
            child.sendline("")
            child.expect("rating> ")
            child.sendline("3")
    finish(child)
    assert answered == 3
    assert "again in" not in screen.getvalue()  # cram schedules nothing, so it promises no date
    assert rows(tmp_path, "SELECT question_id, card, due, reviews FROM cards") == before
    assert rows(tmp_path, "SELECT mode, COUNT(*) FROM attempts GROUP BY mode ORDER BY mode") == [
        ("cram", 3), ("practice", 1)]


def test_daily_limit_of_new_questions(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--topic", "demo", "--kind", "choice", "--new", "0")
    child.expect(r"daily limit reached: 0 new questions a day \(1 more wait for tomorrow; --new N changes the limit\)")
    finish(child)
    assert rows(tmp_path, "SELECT COUNT(*) FROM attempts") == [(0,)]

    child = spawn(tmp_path, "--topic", "demo", "--new", "1", "--seed", "2")
    child.expect("· 1 question ·")
    child.expect("> ")
    child.sendline(":skip")  # a skip makes no card: the day's allowance is still there
    child.expect("done: 0 answered, 0 right, 1 skipped")
    child.expect("daily limit reached: 1 new question a day \\(2 more wait for tomorrow")
    finish(child)

    child = spawn(tmp_path, "--id", "demo.pick")  # --id asks what it names, limit or not
    child.sendline("b")
    child.expect("again in 10 minutes")
    finish(child)

    child = spawn(tmp_path, "--topic", "demo", "--new", "1", "--lang", "zh")
    child.expect("今日新题已达上限：每天 1 道")  # demo.pick became a card today: nothing new is left for today
    finish(child)
