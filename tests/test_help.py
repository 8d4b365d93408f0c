"""`--help` reads like any command line tool's: plain metavars, no Typer type labels or doubled brackets."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.cli.reference import cli_reference


def test_help_shows_plain_metavars() -> None:
    text = cli_reference()
    assert not re.findall(r"<[a-z][^>]*>|\{[A-Za-z]+\}|\[\[", text)  # not <list[str]>, {FILE} or [[PATH]]
    runner = CliRunner()
    start = runner.invoke(app, ["start", "--help"], terminal_width=100).stdout
    assert start.startswith("Usage: quizzer start [OPTIONS] TASK [PATH]\n")
    assert "  [PATH]  File or folder to write (default ./TASK.py).\n" in start
    practice = runner.invoke(app, ["practice", "--help"], terminal_width=100).stdout
    # The column width follows the longest option (--grader keypoints|llm|auto); the metavars are what matter.
    assert re.search(r"\n  -n, --count INTEGER +How many questions\.  \[default: 10; x>=1\]\n", practice)
    assert re.search(r"\n  --bank PATH +Extra bank folder or file \(repeatable\)\.\n", practice)
    assert re.search(r"\n  --lang zh\|en +Language of questions and feedback\.", practice)
    check = runner.invoke(app, ["check", "--help"], terminal_width=100).stdout
    assert check.startswith("Usage: quizzer check [OPTIONS] ANSWER...\n")
