"""`quizzer practice` as a new user reads it: a skip shows the answer, a verdict says it once, plurals, footers."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

RATIO = """\
  - id: demo.ratio
    kind: numeric
    difficulty: 1
    tags: [softmax]
    source: [hot.q04]
    prompt: {zh: "V = {vocab}，少了多少倍？", en: "V = {vocab}: by what factor is the work reduced? (answer as a ratio)"}
    params: {vocab: 1024}
    formula: vocab / 10
    unit: ratio
    display: ratio
    tolerance: {rel: 0.02}
    expected: 102.4 ratio
    explanation: {zh: "{vocab} / 10 = {answer}", en: "{vocab} / 10 = {answer}"}
"""


def practice(tmp_path: Path, answers: str, *extra: str) -> str:
    bank = demo_bank(tmp_path, "practice", RATIO)
    result = CliRunner().invoke(app, ["practice", "--bank", str(bank), "--seed", "2", *extra], input=answers)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_skipping_a_concept_question_shows_its_answer_and_key_points(tmp_path: Path, isolated_home: Path) -> None:
    out = practice(tmp_path, ":skip\n", "--kind", "concept")
    assert out.startswith("quizzer practice · 1 question · history: ")
    assert out.endswith(
        "> skipped\nReference answer\nIt keeps the dot products at unit variance.\nKey points\n"
        " - The dot product has variance d_k (essential)\n - Softmax saturates\n - Gradients vanish\n\n"
        f"done: 0 answered, 0 right, 1 skipped · saved to {isolated_home / 'history.sqlite3'}\n")


def test_a_ratio_question_asks_for_a_plain_number_and_a_verdict_says_correct_once(tmp_path: Path) -> None:
    out = practice(tmp_path, "102\n", "--kind", "numeric")
    assert "One line: the ratio as a plain number (e.g. 5900 or 5.9e3).\n" in out and "with units" not in out
    assert "> ✓ correct  102; expected 102.\n1024 / 10 = 102\n" in out
    out = practice(tmp_path, "95\n", "--kind", "numeric")
    assert "> ✗ wrong  95; expected 102 (7% too small).\ntolerance: rel 0.02\n" in out
    skipped = practice(tmp_path, ":skip\n", "--kind", "numeric")
    assert "> skipped\nanswer: 102\n1024 / 10 = 102\n" in skipped
