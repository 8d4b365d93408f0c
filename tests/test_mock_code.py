"""The mock's hand-write step with the real judge: graded on Enter, or as it stands when time runs out."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from quizzer.bank import load_catalog
from quizzer.cli.mock_view import MockScreen
from quizzer.practice.codeflow import run_code_question
from quizzer.practice.prompter import Deadline, Prompter
from quizzer.models import Code, Question

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rmsnorm_question() -> Question:
    found = [q for q in load_catalog().questions if isinstance(q.spec, Code) and q.spec.task == "rmsnorm"]
    assert found, "the built-in banks have an RMSNorm hand-write question"
    return found[0]


def prompter(text: str) -> Prompter:
    return Prompter(stream=io.StringIO(text), out=io.StringIO())


def test_enter_grades_the_file(tmp_path: Path, rmsnorm_question: Question) -> None:
    (tmp_path / "rmsnorm.py").write_text((REPO / "solutions" / "rmsnorm.py").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    status, score, summary = run_code_question(rmsnorm_question, tmp_path, "cpu", prompter("\n"),
                                               Deadline(time.monotonic, time.monotonic() + 600), MockScreen("en"))
    assert status == "answered" and score == 1.0
    passed, total = summary.split(" ")[0].split("/")
    assert passed == total


def test_time_up_grades_what_is_in_the_file(tmp_path: Path, rmsnorm_question: Question) -> None:
    status, score, summary = run_code_question(rmsnorm_question, tmp_path, "cpu", prompter(""),
                                               Deadline(time.monotonic, time.monotonic() - 1), MockScreen("en"))
    assert (tmp_path / "rmsnorm.py").read_text(encoding="utf-8").startswith("# quizzer: task=rmsnorm\n")
    assert status == "timed-out" and score == 0.0 and summary.startswith("0/")


def test_skip_scores_nothing(tmp_path: Path, rmsnorm_question: Question) -> None:
    status, score, summary = run_code_question(rmsnorm_question, tmp_path, "cpu", prompter(":skip\n"),
                                               Deadline(time.monotonic, time.monotonic() + 600), MockScreen("en"))
    assert (status, score) == ("skipped", 0.0) and "rmsnorm.py" in summary


def test_the_hand_write_step_gives_one_instruction(tmp_path: Path, rmsnorm_question: Question, capsys) -> None:  # type: ignore[no-untyped-def]
    import random

    from quizzer.practice.session import Session

    screen = MockScreen("en")
    asked = Session([rmsnorm_question], "en", random.Random(0), time.monotonic).next()
    assert asked is not None
    screen.question(asked, {})
    run_code_question(rmsnorm_question, tmp_path, "cpu", prompter(":skip\n"),
                      Deadline(time.monotonic, time.monotonic() + 600), screen)
    out = capsys.readouterr().out
    assert "Press Enter to write the starter" not in out  # the practice instruction does not apply: it is written
    assert out.count("press Enter") + out.count("Press Enter") == 1
    assert (f"The starter is {tmp_path / 'rmsnorm.py'}: write your solution there, then press Enter to grade it "
            "(it is graded when time runs out too; :skip gives up).") in out
