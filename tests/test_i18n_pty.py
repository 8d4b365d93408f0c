"""A real terminal in Chinese, and a narrow one in English: words wrap whole, the Chinese screen stays Chinese."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import sys
from pathlib import Path

import pexpect

from tests.conftest import demo_bank


def spawn(tmp_path: Path, columns: int, *args: str) -> pexpect.spawn:
    bank = demo_bank(tmp_path, "practice")
    env = dict(os.environ, QUIZZER_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS=str(columns))
    return pexpect.spawn(sys.executable, ["-m", "quizzer", "practice", "--bank", str(bank), "--topic", "demo", *args],
                         env=env, encoding="utf-8", timeout=30, dimensions=(40, columns))


def test_practice_in_chinese_in_a_terminal(tmp_path: Path) -> None:
    child = spawn(tmp_path, 120, "--kind", "choice", "--count", "1", "--lang", "zh")
    child.expect("quizzer 练习")  # bold, then the rest of the line
    child.expect(" · 1 道题 · 记录：")
    child.expect("MoE 的 top-2 路由选几个专家")
    child.expect("> ")
    child.sendline("Q")
    child.expect("请重新作答。请用选项字母作答")
    child.sendline("")
    child.expect("请输入答案，或 :skip")
    child.sendline("b")
    child.expect("✓ 正确")
    child.expect("完成：作答 1 道，答对 1 道")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn(tmp_path, 120, "--kind", "concept", "--lang", "zh")
    child.expect("为什么除以 sqrt")
    child.expect("用几句话作答")
    child.expect("> ")
    child.sendline("方差随维度 d_k 增大，softmax 饱和，梯度消失")
    child.sendline("")
    child.expect("参考答案")
    child.expect("（覆盖要点 3/3）")
    child.expect(r"自评记忆程度：1 重来（没想起来）")
    child.expect(r"\[回车 =\s+3 良好\]")  # the terminal may wrap the long menu at a space
    child.sendline("")
    child.expect("完成：作答 1 道，答对 1 道")
    child.expect(pexpect.EOF)
    child.close()
    conn = sqlite3.connect(tmp_path / "home" / "history.sqlite3")
    assert conn.execute("SELECT question_id, verdict FROM attempts ORDER BY id").fetchall() == [
        ("demo.pick", "correct"), ("demo.sqrt", "correct")]


def test_a_60_column_terminal_wraps_at_word_boundaries(tmp_path: Path) -> None:
    child = spawn(tmp_path, 60, "--kind", "choice", "--count", "1")
    child.logfile_read = io.StringIO()
    child.expect("How many experts")
    child.expect("> ")
    child.sendline(":quit")
    child.expect(pexpect.EOF)
    child.close()
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.logfile_read.getvalue()).replace("\r", "")
    start = screen.index("Commands:")
    help_lines = screen[start:screen.index("\n\n", start)].splitlines()
    assert len(help_lines) > 1  # the help sentence is longer than 60 columns
    assert all(len(line) <= 60 for line in help_lines)
    # Joined at the breaks, the lines give the sentence back: every break fell between two words.
    assert " ".join(line.strip() for line in help_lines) == (
        "Commands: :skip (skip this question), :hint (a nudge), :undo (take back the last rating and answer again), :quit (stop; everything answered is saved), :help. "
        "Concept answers end with an empty line.")
