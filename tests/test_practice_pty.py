"""A real terminal session: answer, mistype, get graded, press Ctrl-C, and find the answers saved."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

from tests.conftest import demo_bank

NUMERIC = """\
  - id: demo.kv
    kind: numeric
    difficulty: 2
    tags: [kv-cache]
    source: [hot.calc1]
    prompt: {zh: "batch={batch}，KV cache 多少 GB？", en: "KV cache of a 32-layer, hidden-4096 model at batch={batch}, 2048 tokens, fp16? Answer in GB."}
    params: {layers: 32, hidden: 4096, batch: 4, seq: 2048, bytes: 2}
    formula: 2 * bytes * layers * batch * seq * hidden
    unit: B
    display: GB
    tolerance: {rel: 0.03}
    expected: 4.29 GB
    explanation: {zh: "= {answer}", en: "2 x {bytes} x {layers} x {batch} x {seq} x {hidden} = {answer}"}
"""


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    bank = demo_bank(tmp_path, "practice", NUMERIC)
    env = dict(os.environ, QUIZZER_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="120")
    return pexpect.spawn(sys.executable, ["-m", "quizzer", "practice", "--bank", str(bank), "--topic", "demo", *args],
                         env=env, encoding="utf-8", timeout=30, dimensions=(40, 120))


def attempts(tmp_path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(tmp_path / "home" / "history.sqlite3")
    return conn.execute("SELECT question_id, verdict FROM attempts ORDER BY id").fetchall()


def test_answers_then_ctrl_c_keeps_everything(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--kind", "choice", "--count", "1")
    child.expect("How many experts")
    child.expect("> ")
    child.sendline("Q")
    child.expect("could not read that")
    child.sendline("b")
    child.expect("✓ correct")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn(tmp_path, "--kind", "concept")
    child.expect("Why divide attention scores")
    child.expect("> ")
    child.sendline("The dot product variance grows with d_k")
    child.sendline("")
    child.expect("Rate your recall")
    child.sendline("3")
    child.expect("done: 1 answered, 1 right")
    child.expect(pexpect.EOF)
    child.close()

    child = spawn(tmp_path, "--kind", "choice", "--count", "1")
    child.expect("> ")
    child.sendintr()
    child.expect("stopped: 0 answered")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert attempts(tmp_path) == [("demo.pick", "correct"), ("demo.sqrt", "correct")]


def test_numeric_answer_with_units_in_a_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--kind", "numeric", "--count", "1")
    child.expect("Answer in GB")
    child.expect("> ")
    child.sendline("2 GB")
    # The verdict names the expected value once: no "Not quite:" after "wrong", no separate "answer:" line.
    child.expect(r"✗ wrong  2 GB; expected 4\.29 GB \(2\.15× too small\)\.")
    child.expect(pexpect.EOF)
    assert "answer:" not in child.before and "Not quite" not in child.before
    child = spawn(tmp_path, "--kind", "numeric", "--count", "1")
    child.expect("> ")
    child.sendline("约4.3GB")
    child.expect(r"✓ correct  4\.3 GB; expected 4\.29 GB")
    child.expect(pexpect.EOF)
    assert "Correct" not in child.before
    assert attempts(tmp_path) == [("demo.kv", "wrong"), ("demo.kv", "correct")]
