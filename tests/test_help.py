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
    assert "  -n, --count INTEGER  How many questions.  [default: 10; x>=1]\n" in practice
    assert "  --bank PATH          Extra bank folder or file (repeatable).\n" in practice
    assert "  --lang zh|en         Language of questions and feedback." in practice
    check = runner.invoke(app, ["check", "--help"], terminal_width=100).stdout
    assert check.startswith("Usage: quizzer check [OPTIONS] ANSWER...\n")
