"""What a new user meets in a real terminal during a mock: an unrated answer, a stray Enter, a short mock's plan."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect

from quizzer.bank import load_catalog
from quizzer.kinds import kind_of
from quizzer.mock.plan import make_plan
from quizzer.models import Concept, Question


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, QUIZZER_HOME=str(home), NO_COLOR="1", COLUMNS="120")


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    return pexpect.spawn(sys.executable, ["-m", "quizzer", "mock", *args], env=_env(home), encoding="utf-8",
                         timeout=30, dimensions=(40, 120))


def _quizzer(home: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "quizzer", *args], env=_env(home), capture_output=True, text=True,
                          check=True)
    return done.stdout


def _full_marks_concept() -> tuple[int, Question, str]:
    """A seed whose one-minute mock asks a concept question that its own reference answer fully covers."""
    questions = load_catalog().questions
    for seed in range(1, 200):
        q = make_plan(questions, 1, "general", seed).items[0].question
        assert isinstance(q.spec, Concept)
        answer = " ".join(q.spec.answer.en.split())
        if len(answer) < 1500 and kind_of(q).grade(q, None, answer, "en").score == 1.0:
            return seed, q, answer
    raise AssertionError("no concept question is fully covered by its reference answer")


def test_a_skipped_rating_is_kept_unrated_not_saved_as_again(tmp_path: Path) -> None:
    seed, question, answer = _full_marks_concept()
    home = tmp_path / "home"
    child = _spawn(home, "--minutes", "1", "--seed", str(seed), "--practice")
    child.expect("> ")
    child.sendline(answer)
    child.sendline("")
    child.expect("Key points")
    child.expect("How well did you answer")
    child.expect("rating> ")
    child.sendline("")
    child.expect("left unrated")
    child.expect("> ")
    child.sendline(":quit")
    child.expect("Scorecard")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    conn = sqlite3.connect(home / "history.sqlite3")
    assert conn.execute("SELECT question_id, verdict, rating, score FROM attempts").fetchall() == [
        (question.id, "unrated", None, 1.0)]
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone() == (0,)  # not scheduled as a failed review
    history = _quizzer(home, "history")
    assert question.id in history and " unrated " in history and " wrong " not in history
    stats = _quizzer(home, "stats")
    assert "0 answered · 0 right (–) · 0 skipped · 1 unrated" in stats
    assert f"{question.topic} " not in stats  # the topic is not shown at 0%


def test_a_stray_enter_on_a_mock_concept_question_asks_again(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = _spawn(home, "--minutes", "1", "--seed", "11")
    child.expect("concepts · budget")
    child.expect("> ")
    child.sendline("")
    child.expect("type an answer \\(finish it with an empty line\\), or :skip to move on")
    child.expect("> ")
    child.sendline(":skip")
    child.expect("estimation · budget")
    child.expect("> ")
    child.sendline(":quit")
    child.expect("Scorecard")
    child.expect(pexpect.EOF)
    child.close()
    conn = sqlite3.connect(home / "history.sqlite3")
    assert conn.execute("SELECT verdict FROM attempts").fetchall() == [("skipped",)]


def test_a_short_mock_says_what_it_leaves_out(tmp_path: Path) -> None:
    child = _spawn(tmp_path / "home", "--minutes", "5", "--seed", "3")
    child.expect("Mock interview")
    child.expect("Left out of this 5-minute mock: hand-write \\(mocks of 10 minutes or more have it\\)\\.")
    child.expect("Rules: ")
    child.expect("> ")
    child.sendline(":quit")
    child.expect(pexpect.EOF)
    assert "quick check" in child.before


def test_a_fifteen_minute_mock_has_a_hand_write_step(tmp_path: Path) -> None:
    child = _spawn(tmp_path / "home", "--minutes", "15", "--seed", "3")
    child.expect("Mock interview")
    plan = child.expect(["Rules: ", "Left out"])
    assert plan == 0
    assert "hand-write" in child.before and "code" in child.before
    child.expect("> ")
    child.sendline(":quit")
    child.expect(pexpect.EOF)


# Runs `quizzer mock` with its clock sped up SPEED times, so a question's budget passes in a few real seconds.
FAST_CLOCK = """\
import sys, time, types
import quizzer.cli.mock as command
real, start, speed = time.monotonic, time.monotonic(), float(sys.argv[1])
command.time = types.SimpleNamespace(monotonic=lambda: start + (real() - start) * speed)
from quizzer.cli import app
app(sys.argv[2:], prog_name="quizzer")
"""
# The bottom row (24) redrawn between a cursor save and restore, in reverse video.
STATUS = re.escape("\x1b7\x1b[24;1H\x1b[2K\x1b[7m 1/2 concepts · question ") + r"(\d:\d\d) left of 0:33 · round \d:\d\d left"
WARNING = re.escape("\x1b[1;7m 1/2 concepts · question over budget by 0:") + r"\d\d: wrap up · round 0:\d\d left " + re.escape(
    "\x1b[0m\x1b8\a")


def test_a_live_clock_counts_down_while_typing_and_warns_when_the_budget_is_used(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = pexpect.spawn(sys.executable, ["-c", FAST_CLOCK, "10", "mock", "--minutes", "1", "--seed", "11"],
                          env=_env(home), encoding="utf-8", timeout=30, dimensions=(24, 100))
    child.expect("concepts · budget 0:33")
    child.expect("> ")
    child.send("The variance of q dot k")  # half a line, no Enter yet: the clock redraws around it
    shown: list[str] = []
    while len(shown) < 3:
        child.expect(STATUS)
        shown.append(child.match.group(1))
    seconds = [int(t[0]) * 60 + int(t[2:]) for t in shown]
    assert seconds == sorted(set(seconds), reverse=True)  # a new, lower value at every redraw
    child.expect(WARNING)  # once the budget is used: a bold warning and the terminal bell
    child.send(" grows with d_k\r")
    child.send("\r")
    child.expect("How well did you answer")
    child.sendline("2")
    child.expect("estimation · budget")
    child.expect("> ")
    child.sendline(":quit")
    child.expect("\x1b7\x1b\\[r\x1b8")  # the whole screen scrolls again before the scorecard
    child.expect("Scorecard")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    conn = sqlite3.connect(home / "history.sqlite3")
    # What was typed before and after the redraws arrives as one answer.
    assert conn.execute("SELECT answer FROM attempts").fetchall() == [("The variance of q dot k grows with d_k",)]


def test_no_live_clock_without_a_terminal(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "quizzer", "mock", "--minutes", "1", "--seed", "11"],
                          env=_env(tmp_path / "home"), input=":quit\n", capture_output=True, text=True, check=True)
    assert "\x1b" not in done.stdout and "Scorecard" in done.stdout
