"""What a new user meets in a real practice session: a stray Enter, a skip, a code question's reference."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

from tests.conftest import demo_bank


def spawn(tmp_path: Path, *args: str, extra: str = "") -> pexpect.spawn:
    bank = demo_bank(tmp_path, "practice", extra)
    env = dict(os.environ, QUIZZER_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="120")
    return pexpect.spawn(sys.executable, ["-m", "quizzer", "practice", "--bank", str(bank), "--topic", "demo", *args],
                         env=env, encoding="utf-8", timeout=30, dimensions=(40, 120), cwd=str(tmp_path))


def attempts(tmp_path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(tmp_path / "home" / "history.sqlite3")
    return conn.execute("SELECT question_id, verdict FROM attempts ORDER BY id").fetchall()


def test_a_stray_enter_on_a_concept_question_asks_again(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--kind", "concept")
    child.expect("Why divide attention scores")
    child.expect("> ")
    child.sendline("")
    child.expect("type an answer \\(finish it with an empty line\\), or :skip")
    child.expect("> ")
    child.sendline("")
    child.expect("type an answer")
    child.sendline(":skip")
    child.expect("skipped")
    child.expect("done: 0 answered, 0 right, 1 skipped")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert attempts(tmp_path) == [("demo.sqrt", "skipped")]
