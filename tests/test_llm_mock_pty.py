"""A mock in a real terminal with the LLM interviewer: the concept answer gets a follow-up, in the report too."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

from tests.llm_stub import Stub, graded  # the llm_stub fixture comes from conftest


def test_mock_asks_a_follow_up_and_reports_the_exchange(tmp_path: Path, llm_stub: Stub) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, QUIZZER_HOME=str(home), NO_COLOR="1", COLUMNS="120")
    report = tmp_path / "scorecard.md"
    child = pexpect.spawn(sys.executable, ["-m", "quizzer", "mock", "--minutes", "2", "--seed", "11", "--practice",
                                           "--report", str(report)], env=env, encoding="utf-8", timeout=30,
                          dimensions=(40, 120))
    child.expect("concepts · budget")
    child.expect("> ")
    child.sendline("It trades memory for compute and keeps the variance stable")
    child.sendline("")
    child.expect("judged by the LLM")
    child.expect("How well did you answer")
    child.sendline("3")
    child.expect("Why does that hold for GQA too")  # after a bold "the interviewer follows up:"
    child.expect("> ")
    llm_stub.queue.append((200, graded(0, rating=2)))
    child.sendline("Because every query head still sees d_k-dimensional keys")
    child.sendline("")
    child.expect("your follow-up answer: Hard: Clear and complete.")
    child.expect("estimation · budget")
    child.expect("> ")
    child.sendline(":skip")
    child.expect("Scorecard")
    child.expect("1. follow-up: Why does that hold for GQA too\\? → Hard: Clear and complete.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = report.read_text(encoding="utf-8")
    assert "Key points covered (judged by the LLM): 100%" in text
    assert ("Follow-up asked: Why does that hold for GQA too?\n\nYour reply:\n\n"
            "> Because every query head still sees d_k-dimensional keys\n\nJudged: Hard: Clear and complete.") in text
    follow = llm_stub.requests[-1].rubric
    assert follow["question"] == "Why does that hold for GQA too?" and follow["key_points"] == []
    conn = sqlite3.connect(home / "history.sqlite3")
    assert conn.execute("SELECT mode, verdict, grader FROM attempts ORDER BY id").fetchall() == [
        ("mock", "correct", "llm"), ("mock", "skipped", None)]
