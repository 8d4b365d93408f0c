"""`quizzer check --question ID ANSWER`: a bank question graded as practice grades it, for every kind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import REPO, demo_bank

runner = CliRunner()

CONCEPT_GOOD = """\
✓ correct: 2/3 key points covered · suggested rating 3 Good
Reference answer
It keeps the dot products at unit variance.
Key points
 ✓ The dot product has variance d_k (essential)
 ✓ Softmax saturates
 ✗ Gradients vanish
follow-up: What if the variance were σ²?
"""

CONCEPT_MISCONCEPTION = """\
✗ wrong: 0/3 key points covered · states a misconception · suggested rating 1 Again
Reference answer
It keeps the dot products at unit variance.
Key points
 ✗ The dot product has variance d_k (essential)
 ✗ Softmax saturates
 ✗ Gradients vanish
✗ misconception: The scaling is there to save compute
  in fact: The scaling costs the same compute; it controls the range of the softmax input.
follow-up: What if the variance were σ²?
"""

CONCEPT_ZH = """\
✓ 正确：覆盖要点 3/3 · 建议自评 3 良好
参考答案
控制点积的方差。
要点
 ✓ 点积方差为 d_k（必答）
 ✓ softmax 饱和
 ✓ 梯度消失
追问：如果方差是 σ² 呢？
"""


@pytest.fixture
def bank(tmp_path: Path, no_builtin_banks: Path) -> str:
    """tests/data/banks/check.yaml: one question of every kind, the only bank loaded."""
    return str(demo_bank(tmp_path, "check"))


def run(bank: str, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args, "--bank", bank], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args, code, stdout", [
    (["--question", "demo.why-sqrt", "the variance grows with the dimension d_k, so softmax saturates"], 0,
     CONCEPT_GOOD),
    (["--question", "demo.why-sqrt", "we divide by sqrt(d_k) to reduce computation"], 1, CONCEPT_MISCONCEPTION),
    (["--question", "demo.why-sqrt", "方差随维度 d_k 增大，softmax 饱和，梯度消失", "--lang", "zh"], 0, CONCEPT_ZH),
    (["--question", "demo.kv", "4.3 GB"], 0, "✓ Correct: 4.3 GB; expected 4.29 GB.\n"),
    # A bare number is read in the question's display unit (GB), as practice reads it.
    (["--question", "demo.kv", "4.3"], 0, "✓ Correct: 4.3 GB; expected 4.29 GB.\n"),
    (["--question", "demo.kv", "2.15", "GB"], 1,
     "✗ Not quite: 2.15 GB; expected 4.29 GB (50% too small).\n"
     "hint: You left out the bytes per element\n"
     "answer: 4.29 GB\n"
     "tolerance: rel 0.03\n"
     "2 × 2 × 32 × 4 × 2048 × 4096 bytes = 4.29 GB.\n"),
    (["--question", "demo.kv", "4.3 GB", "--lang", "zh"], 0, "✓ 正确：4.3 GB；参考答案 4.29 GB。\n"),
    (["--question", "demo.speedup", "~5900x"], 0, "✓ Correct: 5,900; expected 5,882.\n"),
    (["--question", "demo.speedup", "约5900倍"], 0, "✓ Correct: 5,900; expected 5,882.\n"),
    (["--question", "demo.speedup", "5882 times fewer"], 0, "✓ Correct: 5,882; expected 5,882.\n"),
    (["--question", "demo.flops", "6*params*tokens"], 0,
     "✓ Correct: equivalent to the expected formula (shown symbolically).\n"),
    (["--question", "demo.flops", "2ND"], 1,
     "✗ Not equivalent to the expected formula.\n"
     "hint: Yours is exactly 1/3 × the expected formula.\n"
     "answer: 6 * N * D\n"
     "Forward 2ND plus backward 4ND.\n"),
    (["--question", "demo.pick", "b"], 0, "✓ correct: you picked B\n"),
    (["--question", "demo.pick", "A,C"], 1, "✗ not quite: you picked A, C\nanswer: B\n"),
])
def test_every_kind_is_graded_and_shown_as_in_practice(bank: str, args: list[str], code: int, stdout: str) -> None:
    assert run(bank, *args)[:2] == (code, stdout)


def test_concept_json_lists_points_and_the_misconceptions_asserted(bank: str) -> None:
    code, out, _ = run(bank, "--question", "demo.why-sqrt", "we divide by sqrt(d_k) to reduce computation",
                       "--json")
    assert code == 1
    assert json.loads(out) == {
        "version": 1, "id": "demo.why-sqrt", "kind": "concept", "verdict": "wrong", "rating": 1,
        "key_points": [{"text": "The dot product has variance d_k", "covered": False},
                       {"text": "Softmax saturates", "covered": False},
                       {"text": "Gradients vanish", "covered": False}],
        "misconceptions": [{"text": "The scaling is there to save compute",
                            "correction": "The scaling costs the same compute; it controls the range of the softmax "
                                          "input."}],
        "grader": "keypoints", "message": "0/3 key points covered · states a misconception"}


def test_concept_partial_is_hard_and_exits_1(bank: str) -> None:
    code, out, _ = run(bank, "--question", "demo.why-sqrt", "not sure, but the variance grows with d_k", "--json",
                       "--grader", "auto")
    data = json.loads(out)
    assert (code, data["verdict"], data["rating"], data["grader"]) == (1, "partial", 2, "keypoints")
    assert data["message"] == "1/3 key points covered · hedged"


def test_concept_answer_from_stdin(bank: str) -> None:
    code, out, _ = run(bank, "--question", "demo.why-sqrt", "-", "--json",
                       stdin="Softmax saturates\nbecause the variance grows with d_k.\n")
    assert code == 0 and json.loads(out)["key_points"][1]["covered"] is True


def test_numeric_json_has_value_unit_expected(bank: str) -> None:
    code, out, _ = run(bank, "--question", "demo.kv", "8.59 GB", "--json")
    data = json.loads(out)
    assert code == 1 and list(data) == ["version", "id", "kind", "verdict", "rating", "grader", "message", "hint",
                                        "value", "unit", "expected", "ratio"]
    assert (data["kind"], data["verdict"], data["rating"], data["grader"]) == ("numeric", "wrong", 1, "numeric")
    assert (data["value"], data["unit"], data["expected"]) == (8.59e9, "B", 4294967296.0)


def test_formula_and_choice_json(bank: str) -> None:
    code, out, _ = run(bank, "--question", "demo.flops", "6ND", "--json")
    assert code == 0 and json.loads(out) == {
        "version": 1, "id": "demo.flops", "kind": "formula", "verdict": "correct", "rating": 3, "grader": "formula",
        "message": "Correct: equivalent to the expected formula (shown symbolically).", "hint": None,
        "expected": "6 * N * D"}
    code, out, _ = run(bank, "--question", "demo.pick", "2", "--json")
    assert code == 0 and json.loads(out) == {
        "version": 1, "id": "demo.pick", "kind": "choice", "verdict": "correct", "rating": 3, "grader": "choice",
        "message": "correct", "hint": None, "picked": ["B"], "expected": ["B"]}


def test_code_answer_is_a_file_graded_by_the_judge(bank: str, tmp_path: Path) -> None:
    code, out, _ = run(bank, "--question", "demo.norm", str(REPO / "solutions" / "rmsnorm.py"), "--json")
    data = json.loads(out)
    assert code == 0 and (data["verdict"], data["grader"], data["task"], data["passed"]) == (
        "correct", "judge", "rmsnorm", True)
    assert data["message"] == f"{len(data['cases'])}/{len(data['cases'])} cases passed"
    starter = tmp_path / "norm.py"
    assert runner.invoke(app, ["start", "rmsnorm", str(starter)]).exit_code == 0
    code, out, _ = run(bank, "--question", "demo.norm", str(starter))
    lines = out.splitlines()
    assert code == 1 and lines[0] == f"{starter} · task rmsnorm · cpu"
    assert re.fullmatch(r"FAIL 0 of \d+ cases passed \(\d+\.\d s\)", lines[-1])
    assert "not implemented yet (raises NotImplementedError)" in out


@pytest.mark.parametrize("args, stderr", [
    (["--question", "demo.sqrt", "x"], "error: unknown question 'demo.sqrt' (did you mean 'demo.why-sqrt'?)\n"),
    (["--question", "why-sqrt", "x"], "error: unknown question 'why-sqrt' (did you mean 'demo.why-sqrt'?)\n"),
    (["--question", "zzz", "x"], "error: unknown question 'zzz' (see 'quizzer list')\n"),
    (["--question", "demo.kv", "4,3 GB"], "error: could not read the answer: cannot read '4,3': separators must "
                                          "split digits into groups of three (write a decimal point as '.')\n"),
    (["--question", "demo.pick", "Z"], "error: answer with option letters A, B, C (several for 'select all')\n"),
    (["--question", "demo.why-sqrt", " "], "error: the answer is empty\n"),
    (["--question", "demo.norm", "no-such-file.py"], "error: no-such-file.py: no such file\n"),
    (["--question", "demo.kv", "4 GB", "--expect", "4 GB"],
     "error: --question and --expect are exclusive: grade against a bank question or a value\n"),
    (["--question", "demo.kv", "4 GB", "--rel-tol", "5%"],
     "error: --rel-tol, --factor and --var go with --expect; a bank question has its own tolerance and variables\n"),
    (["4 GB"], "error: give --expect VALUE (the right answer) or --question ID (a bank question)\n"),
    (["4 GB", "--expect", "4 GB", "--grader", "auto"],
     "error: --grader goes with --question (it chooses how concept answers are judged)\n"),
    (["--question", "demo.why-sqrt", "x", "--grader", "gpt"],
     "error: unknown grader 'gpt' (--grader: one of keypoints, llm, auto)\n"),
    (["--question", "demo.why-sqrt", "x", "--grader", "llm"],
     "error: --grader llm: no LLM endpoint is configured (QUIZZER_LLM_BASE_URL and QUIZZER_LLM_MODEL are not set); "
     "use --grader keypoints\n"),
])
def test_bad_input_is_one_line_and_exit_2(bank: str, args: list[str], stderr: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZZER_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("QUIZZER_LLM_MODEL", raising=False)
    assert run(bank, *args) == (2, "", stderr)


def test_llm_grader_names_the_missing_setting(bank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_LLM_BASE_URL", "http://localhost:8000/v1")
    monkeypatch.delenv("QUIZZER_LLM_MODEL", raising=False)
    assert run(bank, "--question", "demo.why-sqrt", "x", "--grader", "llm") == (
        2, "", "error: --grader llm: no LLM endpoint is configured (QUIZZER_LLM_MODEL is not set); use --grader "
               "keypoints\n")


def test_code_file_written_for_another_task_is_refused(bank: str, tmp_path: Path) -> None:
    other = tmp_path / "attn.py"
    assert runner.invoke(app, ["start", "attention", str(other)]).exit_code == 0
    assert run(bank, "--question", "demo.norm", str(other)) == (
        2, "", f"error: {other} is written for task 'attention', but demo.norm asks for task 'rmsnorm'\n")


def test_a_built_in_question_is_graded_with_its_default_numbers() -> None:
    result = runner.invoke(app, ["check", "--question", "estimation.kv-cache-7b-fp16", "4.29 GB"])
    assert (result.exit_code, result.stdout) == (0, "✓ Correct: 4.29 GB; expected 4.29 GB.\n")
