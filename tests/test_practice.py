"""`quizzer practice` with piped answers: grading, commands, ratings, history and schedule."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")



@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return demo_bank(tmp_path, "practice")


def practice(bank: Path, answers: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["practice", "--bank", str(bank), "--seed", "3", *extra], input=answers)
    return result.exit_code, result.stdout


def history(home: Path) -> list[dict]:
    conn = sqlite3.connect(home / "history.sqlite3")
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute("SELECT * FROM attempts ORDER BY id")]


def test_choice_right_and_wrong_are_recorded(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, "b\n", "--kind", "choice")
    assert code == 0
    assert "✓ correct" in out and "done: 1 answered, 1 right, 0 skipped" in out
    code, out = practice(bank, "A\n", "--kind", "choice")
    assert "✗ wrong" in out and "answer: B" in out
    rows = history(isolated_home)
    assert [(r["question_id"], r["verdict"], r["rating"]) for r in rows] == [("demo.pick", "correct", 3),
                                                                             ("demo.pick", "wrong", 1)]


def test_bad_input_asks_again_and_commands_work(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, "\n:help\n:hint\nZ\nB\n", "--kind", "choice")
    assert code == 0
    assert "type an answer, or :skip / :hint / :help" in out
    assert "Commands: :skip" in out
    assert "not A" in out  # the hint rules one option out
    assert "could not read that: answer with option letters A, B, C" in out
    assert [r["answer"] for r in history(isolated_home)] == ["B"]


def test_concept_marks_covered_points_and_takes_a_rating(bank: Path, isolated_home: Path) -> None:
    answers = "The variance of q.k grows with d_k,\nso softmax would saturate.\n\n3\n"
    code, out = practice(bank, answers, "--kind", "concept")
    assert code == 0
    assert "2/3 key points covered" in out
    assert "✓ The dot product has variance d_k (essential)" in out
    assert "✗ Gradients vanish" in out
    # The essential point and half of all points: the judgement suggests Good.
    assert "[Enter = 3 Good]" in out
    (row,) = history(isolated_home)
    assert row["rating"] == 3 and row["verdict"] == "correct" and abs(row["score"] - 2 / 3) < 1e-9
    assert "saturate" in row["answer"]


def test_missing_an_essential_point_suggests_again(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, "softmax saturates and the gradient vanishes\n\n\n", "--kind", "concept")
    assert "[Enter = 1 Again]" in out
    assert history(isolated_home)[0]["rating"] == 1


def test_skip_is_recorded_without_touching_the_schedule(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, ":skip\n", "--kind", "choice")
    assert "skipped" in out and "answer: B" in out
    assert history(isolated_home)[0]["verdict"] == "skipped"
    cards = sqlite3.connect(isolated_home / "history.sqlite3").execute("SELECT COUNT(*) FROM cards").fetchone()
    assert cards == (0,)


def test_end_of_input_keeps_what_was_answered(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, "B\n")  # two questions, only one answer piped
    assert code == 0
    # The input ran out while the second question was open: the session stopped, it did not finish.
    assert "stopped: 1 answered, 1 right, 0 skipped" in out and "done: " not in out
    assert len(history(isolated_home)) == 1


def test_quit_stops_and_saves(bank: Path, isolated_home: Path) -> None:
    code, out = practice(bank, ":quit\n")
    assert code == 0 and "0 answered" in out
    assert history(isolated_home) == []


def test_a_reviewed_question_is_scheduled_and_due_filters(bank: Path, isolated_home: Path) -> None:
    practice(bank, "B\n", "--kind", "choice")
    conn = sqlite3.connect(isolated_home / "history.sqlite3")
    (card, due) = conn.execute("SELECT card, due FROM cards WHERE question_id = 'demo.pick'").fetchone()
    assert json.loads(card)["state"] in (1, 2)
    code, out = practice(bank, "", "--due")
    assert "nothing is due for review right now" in out


def test_unknown_topic_and_kind_are_usage_errors(bank: Path) -> None:
    result = CliRunner().invoke(app, ["practice", "--bank", str(bank), "--topic", "nope"])
    assert result.exit_code == 2 and result.stderr.startswith("error: unknown topic 'nope' (one of demo)")
    result = CliRunner().invoke(app, ["practice", "--bank", str(bank), "--kind", "essay"])
    assert result.exit_code == 2 and "unknown kind 'essay'" in result.stderr
