"""A one-minute mock in a real terminal, end to end: plan, answers, scorecard, report, history."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect


def test_one_minute_mock_end_to_end(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, QUIZZER_HOME=str(home), NO_COLOR="1", COLUMNS="120")
    report = tmp_path / "scorecard.md"
    child = pexpect.spawn(sys.executable, ["-m", "quizzer", "mock", "--minutes", "1", "--seed", "11",
                                           "--report", str(report)], env=env, encoding="utf-8", timeout=30,
                          dimensions=(40, 120))
    child.expect("Mock interview")
    child.expect("Rules: one clock")
    child.expect("concepts · budget")
    child.expect("> ")
    child.sendline("It trades memory for compute and keeps the variance stable")
    child.sendline("")
    child.expect("How well did you answer")
    child.sendline("2")
    child.expect("answer recorded")
    child.expect("estimation · budget")
    child.expect("> ")
    child.sendline(":skip")
    child.expect("Scorecard")
    child.expect("Overall")
    child.expect("report: ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Mock interview: general, 1 min")
    assert "| concepts |" in text and "| estimation |" in text
    assert len(list((home / "mocks").glob("*.md"))) == 1
    conn = sqlite3.connect(home / "history.sqlite3")
    assert conn.execute("SELECT minutes, seed FROM mocks").fetchall() == [(1.0, 11)]
    assert conn.execute("SELECT mode, verdict FROM attempts ORDER BY id").fetchall() == [("mock", "wrong"),
                                                                                        ("mock", "skipped")]
