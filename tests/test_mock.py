"""`quizzer mock` driven by a scripted candidate and a fake clock: no test sleeps."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from quizzer.bank import load_catalog
from quizzer.cli.mock_view import MockScreen
from quizzer.mock.finish import finish
from quizzer.mock.loop import EndMock, MockLoop
from quizzer.mock.plan import MockPlan, PlanItem, make_plan
from quizzer.practice.prompter import Deadline, TimedOut
from quizzer.practice.session import Session
from quizzer.store import open_store
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

CODE_Q = """\
  - id: demo.hand
    kind: code
    difficulty: 3
    tags: [attention]
    source: [adv.m1]
    prompt: {zh: 手写注意力, en: Write scaled dot-product attention}
    task: attention
"""


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class Candidate:
    """Answers from a script of (seconds spent, text); raises TimedOut when the deadline passes first."""

    def __init__(self, clock: Clock, script: list[tuple[float, str]]) -> None:
        self.clock, self.script = clock, list(script)

    def _next(self, limit: float | None) -> str:
        if not self.script:
            raise EndMock
        spent, text = self.script.pop(0)
        if text == "^C":
            raise KeyboardInterrupt
        if limit is not None and spent >= limit:
            self.clock.t += max(limit, 0)
            raise TimedOut("")
        self.clock.t += spent
        return text

    def line(self, marker: str = "> ", timeout: float | None = None) -> str:
        return self._next(timeout)

    def block(self, marker: str = "> ", more: str = "", deadline: Deadline | None = None) -> str:
        return self._next(deadline.left() if deadline else None)


@pytest.fixture
def catalog(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_catalog([demo_bank(tmp_path, "practice", CODE_Q)])


def run_mock(catalog, minutes: float, script: list[tuple[float, str]], practice: bool = False,  # type: ignore[no-untyped-def]
             code_result: tuple[str, float, str] = ("answered", 0.5, "3/6 cases passed")):
    clock = Clock()
    plan = make_plan(catalog.questions, minutes, "general", seed=7)
    session = Session([i.question for i in plan.items], "en", random.Random(7), clock)
    store = open_store()
    calls: list[PlanItem] = []

    def code_step(item: PlanItem, deadline: Deadline) -> tuple[str, float, str]:
        calls.append(item)
        clock.t += 600
        return code_result

    loop = MockLoop(plan, session, store, Candidate(clock, script), clock, practice, code_step, {}, MockScreen("en"))
    interrupted = False
    try:
        loop.run()
    except EndMock:
        interrupted = True
    except KeyboardInterrupt:
        interrupted = True
    card, _report = finish(loop, store, "en", datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc), None, interrupted)
    return plan, card, store


def test_plan_scales_with_minutes_and_is_seeded(catalog) -> None:  # type: ignore[no-untyped-def]
    plan45 = make_plan(catalog.questions, 45, "general", seed=1)
    assert [i.question.kind for i in plan45.items] == ["concept", "choice", "code"]
    assert abs(sum(i.budget for i in plan45.items) - 45 * 60) < 1
    assert make_plan(catalog.questions, 45, "general", seed=1) == plan45
    plan1 = make_plan(catalog.questions, 1, "general", seed=1)
    assert [i.question.kind for i in plan1.items] == ["concept"]  # no hand-write or quick check in one minute
    assert [(o.section, o.from_minutes) for o in plan1.left_out] == [("estimation", None), ("quick check", 3.0),
                                                                     ("hand-write", 10.0)]
    plan10 = make_plan(catalog.questions, 10, "general", seed=1)
    assert [i.question.kind for i in plan10.items] == ["concept", "choice", "code"]
    assert [o.section for o in plan10.left_out] == ["estimation"]  # the demo bank has no estimate to ask


def test_all_answered_early_scores_every_section(catalog, capsys) -> None:  # type: ignore[no-untyped-def]
    script = [(60, "variance grows so softmax saturates and the gradient vanishes"), (5, "4"), (30, "B")]
    plan, card, store = run_mock(catalog, 45, script)
    assert [r.status for r in card.results] == ["answered", "answered", "answered"]
    assert [(s.name, round(s.score, 2)) for s in card.sections] == [("concepts", 1.0), ("quick check", 1.0),
                                                                    ("hand-write", 0.5)]
    assert card.results[0].self_rating == 4
    out = capsys.readouterr().out
    assert "answer recorded" in out and "✓ correct" not in out  # strict: no feedback until the end
    rows = sqlite3.connect(store.path).execute("SELECT mode, question_id, verdict FROM attempts ORDER BY id").fetchall()
    assert rows == [("mock", "demo.sqrt", "correct"), ("mock", "demo.pick", "correct")]
    assert sqlite3.connect(store.path).execute("SELECT track, seed FROM mocks").fetchall() == [("general", 7)]


def test_practice_mode_shows_feedback_after_each_answer(catalog, capsys) -> None:  # type: ignore[no-untyped-def]
    run_mock(catalog, 45, [(60, "variance"), (5, ""), (30, "A")], practice=True)
    out = capsys.readouterr().out
    assert "Key points" in out and "✗ wrong" in out and "answer: B" in out


def test_time_running_out_closes_the_question_and_the_rest_are_not_reached(catalog, capsys) -> None:  # type: ignore[no-untyped-def]
    plan, card, _ = run_mock(catalog, 45, [(45 * 60 + 1, "too late")])
    assert [r.status for r in card.results] == ["timed-out", "not-reached", "not-reached"]
    assert card.overall == 0.0 and not card.interrupted
    assert card.seconds_used == 45 * 60
    assert "time is up: this question is closed" in capsys.readouterr().out
    assert card.study_next == ("demo",)


def test_ctrl_c_scores_what_was_answered(catalog) -> None:  # type: ignore[no-untyped-def]
    plan, card, store = run_mock(catalog, 45, [(60, "variance saturates gradient"), (1, "3"), (1, "^C")])
    # The question on screen when the candidate stopped was seen, so it is "quit", not "not-reached".
    assert [r.status for r in card.results] == ["answered", "quit", "not-reached"]
    assert card.interrupted
    assert sqlite3.connect(store.path).execute("SELECT COUNT(*) FROM attempts").fetchone() == (1,)


def test_report_is_written_with_scores_times_points_and_follow_ups(catalog, isolated_home) -> None:  # type: ignore[no-untyped-def]
    script = [(90, "variance grows\nand the softmax saturates"), (5, "2"), (30, "A")]
    run_mock(catalog, 45, script)
    (report,) = (isolated_home / "mocks").glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert "# Mock interview: general, 45 min" in text
    assert "**Overall: " in text
    assert "| concepts | 67% | 1/1 |" in text
    assert "| 1 | demo.sqrt | concepts | answered | 67% | 1:35 / " in text
    assert "A strong concept answer runs definition → principle → pros/cons → applications." in text
    concept = text[text.index("### demo.sqrt"):text.index("### demo.pick")]
    assert concept == (
        "### demo.sqrt · concepts · answered · 67%\n\n> Why divide attention scores by sqrt(d_k)?\n\n"
        "Your answer:\n\n> variance grows\n> and the softmax saturates\n\n"
        "Key points covered: 67% · your self-rating: Hard\n\n"
        "- [x] The dot product has variance d_k (essential): covered\n- [x] Softmax saturates: covered\n"
        "- [ ] Gradients vanish: missed\n\nReference answer:\n\n> It keeps the dot products at unit variance.\n\n")
    choice = text[text.index("### demo.pick"):text.index("### demo.hand")]
    assert "> How many experts does top-2 routing pick?\n>   A. one\n>   B. two\n" in choice
    assert "Your answer:\n\n> A\n" in choice and "Correct answer: B\n" in choice
    assert "Feedback: 3/6 cases passed" in text


def test_report_gives_the_answer_to_skipped_timed_out_and_quit_questions(catalog, isolated_home) -> None:  # type: ignore[no-untyped-def]
    run_mock(catalog, 45, [(30, ":skip"), (45 * 60, "B")])  # the clock runs out on the second question
    (report,) = (isolated_home / "mocks").glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert "| 1 | demo.sqrt | concepts | skipped | 0% |" in text
    assert "| 2 | demo.pick | quick check | timed-out | 0% |" in text
    skipped = text[text.index("### demo.sqrt"):text.index("### demo.pick")]
    assert "Your answer: none (skipped)." in skipped
    assert "Key points:\n- The dot product has variance d_k (essential)\n" in skipped
    assert "Reference answer:\n\n> It keeps the dot products at unit variance." in skipped
    assert "Your answer: none (no answer before time ran out).\n\nCorrect answer: B" in text
    run_mock(catalog, 45, [(30, ":quit")])
    quit_report = max((isolated_home / "mocks").glob("*.md"), key=lambda p: p.stat().st_mtime_ns)
    text = quit_report.read_text(encoding="utf-8")
    assert "| 1 | demo.sqrt | concepts | quit | 0% |" in text and "| 2 | demo.pick | quick check | not-reached |" in text
    assert "Your answer: none (the mock ended here)." in text and "### demo.pick" not in text


def test_report_path_is_checked_before_the_mock_starts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quizzer.cli import app

    existing = tmp_path / "old.md"
    existing.write_text("my notes\n", encoding="utf-8")
    runner = CliRunner()
    cases = [
        (existing, f"error: --report {existing} already exists; pass --force to overwrite it\n"),
        (tmp_path, f"error: --report {tmp_path} is a folder; give a file name such as {tmp_path / 'mock.md'}\n"),
        (tmp_path / "nope" / "r.md", f"error: --report {tmp_path / 'nope' / 'r.md'}: no such folder "
                                     f"{tmp_path / 'nope'}\n"),
    ]
    for path, message in cases:
        result = runner.invoke(app, ["mock", "--minutes", "1", "--report", str(path)], input=":quit\n")
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert existing.read_text(encoding="utf-8") == "my notes\n"
    bank = demo_bank(tmp_path, "practice")
    forced = runner.invoke(app, ["mock", "--minutes", "1", "--report", str(existing), "--force", "--bank", str(bank)],
                           input=":quit\n")
    assert forced.exit_code == 0
    assert existing.read_text(encoding="utf-8").startswith("# Mock interview: general, 1 min")


MISCONCEPTION_BANK = """\
topic: demo
title: {zh: 演示, en: Demo}
questions:
  - id: demo.scale
    kind: concept
    difficulty: 1
    tags: [softmax]
    source: [hot.q04]
    prompt: {zh: "为什么除以 sqrt(d_k)？", en: "Why divide attention scores by sqrt(d_k)?"}
    answer: {zh: 控制点积的方差。, en: It keeps the dot products at unit variance.}
    key_points:
      - text: {zh: 点积方差为 d_k, en: The dot product has variance d_k}
        evidence: ["variance | 方差"]
        essential: true
      - text: {zh: softmax 饱和, en: Softmax saturates}
        evidence: ["saturat* | 饱和"]
      - text: {zh: 梯度消失, en: Gradients vanish}
        evidence: ["gradient* | 梯度"]
    misconceptions:
      - text: {zh: 缩放让矩阵乘更快, en: Scaling makes the matmul faster}
        evidence: ["scal* | divid* + faster | speed* | 更快"]
        correction: {zh: 缩放不改变计算量。, en: Scaling does not change the cost of the matmul.}
"""


def test_mock_practice_feedback_shows_what_practice_shows(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quizzer.cli import app

    bank = tmp_path / "demo.yaml"
    bank.write_text(MISCONCEPTION_BANK, encoding="utf-8")
    answer = "The variance grows with d_k, and dividing makes the matmul faster.\n\n"
    runner = CliRunner()
    practice = runner.invoke(app, ["practice", "--bank", str(bank)], input=answer + "\n").stdout
    mock = runner.invoke(app, ["mock", "--minutes", "1", "--practice", "--bank", str(bank)], input=answer + "\n").stdout

    def review(out: str) -> str:
        return out[out.index("Reference answer"):out.index("in fact:")]

    assert review(mock) == review(practice)
    assert (" ✓ The dot product has variance d_k (essential)\n ✗ Softmax saturates\n ✗ Gradients vanish\n"
            "✗ misconception: Scaling makes the matmul faster\n") in review(mock)
    assert "in fact: Scaling does not change the cost of the matmul." in mock


def test_a_skip_in_practice_mode_shows_the_answer(catalog, capsys) -> None:  # type: ignore[no-untyped-def]
    run_mock(catalog, 45, [(10, ":skip"), (5, ":skip")], practice=True, code_result=("skipped", 0.0, "skipped"))
    out = capsys.readouterr().out
    assert "skipped\nReference answer\nIt keeps the dot products at unit variance.\nKey points\n" in out
    assert "skipped\nanswer: B\n" in out
    assert "skipped\nReference solution\n" in out and "def " in out[out.index("Reference solution"):]
