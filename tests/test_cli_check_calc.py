"""`quizzer check` and `quizzer calc` as a user and a script see them: exact output and exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from quizzer.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args, code, stdout", [
    (["check", "4 GiB", "--expect", "4294967296 B"], 0, "✓ Correct: 4 GiB; expected 4.29 GB (4.00 GiB).\n"),
    (["check", "4", "GiB", "--expect", "4294967296 B"], 0, "✓ Correct: 4 GiB; expected 4.29 GB (4.00 GiB).\n"),
    (["check", "8.59 GB", "--expect", "4294967296 B"], 1,
     "✗ Not quite: 8.59 GB; expected 4.29 GB (4.00 GiB) (2× too large).\n"
     "hint: Off by 2: are both K and V counted? fp16/bf16 is 2 bytes per value, fp32 is 4.\n"),
    (["check", "4.29", "--expect", "4294967296 B"], 1, "✗ A unit is needed: the answer is a size in bytes.\n"),
    (["check", "4.29 hours", "--expect", "4294967296 B"], 1,
     "✗ Wrong kind of quantity: you gave a time (h), but the answer is a size in bytes (B).\n"),
    (["check", "17-18 GB", "--expect", "17.5 GB", "--rel-tol", "5%"], 0, "✓ Correct: 17 GB – 18 GB; expected 17.5 GB.\n"),
    (["check", "10-100 GB", "--expect", "17.5 GB"], 1,
     "✗ The range 10 GB – 100 GB is too wide to grade (high/low = 10, at most 1.5): commit to one estimate.\n"),
    (["check", "17.5 GB", "--expect", "18 GB"], 1, "✗ Not quite: 17.5 GB; expected 18 GB (3% too small).\n"),
    (["check", "17.5 GB", "--expect", "18 GB", "--rel-tol", "0.03"], 0, "✓ Correct: 17.5 GB; expected 18 GB.\n"),
    (["check", "3e23 FLOP", "--expect", "1e23 FLOP", "--factor", "3"], 0,
     "✓ Correct: 3e23 FLOP; expected 1.00e23 FLOP (1,157 PF-days).\n"),
    (["check", "1.6 days", "--expect", "38.95 day", "--rel-tol", "0.05"], 1,
     "✗ Not quite: 1.6 day; expected 39 day (24.3× too small).\nhint: Off by 24: hours versus days.\n"),
    (["check", "约14G显存", "--expect", "14 GB"], 0, "✓ Correct: 14 GB; expected 14 GB.\n"),
    (["check", "8.59 GB", "--expect", "4294967296 B", "--lang", "zh"], 1,
     "✗ 不对：你的答案 8.59 GB；参考答案 4.29 GB (4.00 GiB)（是参考值的 2 倍）。\n"
     "提示：差了 2 倍：K 和 V 是不是都算了？fp16/bf16 每个数 2 字节，fp32 是 4 字节。\n"),
    (["check", "6ND", "--expect", "6*N*D"], 0, "✓ Correct: equivalent to the expected formula (shown symbolically).\n"),
    (["check", "2*b*L", "--expect", "2*L*b", "--var", "b"], 0,
     "✓ Correct: equivalent to the expected formula (shown symbolically).\n"),
    (["check", "6N", "--expect", "6*N*D"], 1,
     "✗ Not equivalent to the expected formula.\nhint: Your formula does not depend on D (D).\n"),
    (["calc", "2*2*32*4*2048*4096 B"], 0, "4.29 GB (4.00 GiB)\n"),
    (["calc", "2*2*32*4*2048*4096", "B"], 0, "4.29 GB (4.00 GiB)\n"),
    (["calc", "2*2*32*4*2048*4096 B", "--to", "GiB"], 0, "4.00 GiB\n"),
    (["calc", "6*175e9*300e9 FLOP"], 0, "3.15e23 FLOP (3,646 PF-days)\n"),
    (["calc", "3.15e23 FLOP / (1024 * 312 TFLOPS * 0.5)"], 0, "22.8 days (1.97e6 s)\n"),
    (["calc", "140 GB / (2 TB/s)"], 0, "70.0 ms (0.0700 s)\n"),
    (["calc", "312 TFLOP/s / (2 TB/s)"], 0, "156 FLOP/B\n"),
    (["calc", "70亿 * 2 字节"], 0, "14.0 GB (13.0 GiB)\n"),
    (["calc", "3/11", "--to", "%"], 0, "27.3%\n"),
    (["calc", "201326592"], 0, "201,326,592 (201 million)\n"),
    (["calc", "2-7"], 0, "-5\n"),
    # Issue 10: ratios as people write them, and one reading rule for check and calc.
    (["check", "1.9x", "--expect", "1.9"], 0, "✓ Correct: 1.9; expected 1.9.\n"),
    (["check", "~2x", "--expect", "1.9", "--rel-tol", "6%"], 0, "✓ Correct: 2; expected 1.9.\n"),
    (["check", "1.9倍", "--expect", "1.9"], 0, "✓ Correct: 1.9; expected 1.9.\n"),
    (["check", "x1.9", "--expect", "190%"], 0, "✓ Correct: 190%; expected 190%.\n"),
    (["check", "2000 times", "--expect", "2000"], 0,
     "✓ Correct: 2,000 (2.00 thousand); expected 2,000 (2.00 thousand).\n"),
    (["check", "14 GB", "--expect", "14e9"], 1,
     "✗ Wrong kind of quantity: you gave a size in bytes (GB), but --expect 14e9 is a plain number. To grade a size "
     "in bytes, give --expect its unit: --expect '14e9 B'.\n"),
    (["check", "14 GB", "--expect", "14e9 B"], 0, "✓ Correct: 14 GB; expected 14.0 GB (13.0 GiB).\n"),
    (["check", "14G显存", "--expect", "14e9"], 0,
     "✓ Correct: 14,000,000,000 (14.0 billion); expected 14,000,000,000 (14.0 billion).\n"),
    (["check", "7B", "--expect", "7e9"], 0,
     "✓ Correct: 7,000,000,000 (7.00 billion); expected 7,000,000,000 (7.00 billion).\n"),
    (["check", "7e9", "--expect", "7B params"], 0,
     "✓ Correct: 7,000,000,000 (7.00 billion); expected 7,000,000,000 (7.00 billion).\n"),
    (["check", "3.15e23", "--expect", "3.15e23 FLOP"], 0,
     "✓ Correct: 3.15e23 FLOP (3,646 PF-days); expected 3.15e23 FLOP (3,646 PF-days).\n"),
    (["check", "3.15e23 FLOPs", "--expect", "3.15e23"], 0, "✓ Correct: 3.15e23; expected 3.15e23.\n"),
    (["check", "6*N*D", "--expect", "6ND"], 0, "✓ Correct: equivalent to the expected formula (shown symbolically).\n"),
    (["check", "6*params*tokens", "--expect", "6*params*tokens"], 0,
     "✓ Correct: equivalent to the expected formula (shown symbolically).\n"),
    (["calc", "7B"], 0, "7 B\nnote: 'B' was read as bytes; as a count this is 7,000,000,000 (7.00 billion) (write bn or "
                        "billion, or name what is counted: params, tokens)\n"),
    (["calc", "7B params"], 0, "7,000,000,000 (7.00 billion)\n"),
    (["calc", "7bn"], 0, "7,000,000,000 (7.00 billion)\n"),
    (["calc", "4096 B"], 0, "4.10 KB (4.00 KiB)\n"),
    (["calc", "1.9x"], 0, "1.9\n"),
])
def test_output_and_exit_code(args: list[str], code: int, stdout: str) -> None:
    assert run(*args)[:2] == (code, stdout)


@pytest.mark.parametrize("args, stderr", [
    (["check", "1,5 GB", "--expect", "1.5 GB"], "error: could not read the answer: cannot read '1,5': separators "
                                                "must split digits into groups of three (write a decimal point as '.')\n"),
    (["check", "6nd", "--expect", "6*N*D"], "error: could not read the formula: unknown name 'nd' (did you mean "
                                            "'N*D'?); use D, N\n"),
    (["check", "14 GB", "--expect", "14 GB +"], "error: cannot read --expect '14 GB +': unexpected 'end of input' "
                                                "at position 8\n"),
    (["check", "14 GB", "--expect", "14 GB", "--factor", "3", "--rel-tol", "0.1"],
     "error: give --rel-tol or --factor, not both\n"),
    (["check", "14 GB", "--expect", "14 GB", "--factor", "0.5"], "error: --factor must be above 1 (e.g. 3 accepts a "
                                                                 "third to three times the value)\n"),
    (["check", "14 GB", "--expect", "14 GB", "--rel-tol", "2 GB"],
     "error: --rel-tol must be a plain number such as 0.02 or 2%, not '2 GB'\n"),
    (["check", "6*N*D*x", "--expect", "6ND"], "error: could not read the formula: unknown name 'x'; use D, N (the "
                                              "variables are the names in --expect and --var: add --var x)\n"),
    (["check", "6*N*D", "--expect", "6ND", "--var", "ND"],
     "error: could not read the formula: unknown name 'N' (did you mean 'ND'?); use ND (the variables are the names "
     "in --expect and --var: add --var D --var N)\n"),
    (["calc", "1 GB", "--to", "s"], "error: cannot write a size in bytes in s\n"),
    (["calc", "1 +"], "error: unexpected 'end of input' at position 4\n"),
    (["calc", "9**9**9**9"], "error: the result is too large\n"),
    (["calc", "17-18 ~ 19"], "error: a range cannot be calculated; give one value\n"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_2(args: list[str], stderr: str) -> None:
    assert run(*args) == (2, "", stderr)


def test_check_json_shapes() -> None:
    code, out, _ = run("check", "8.59 GB", "--expect", "4294967296 B", "--json")
    data = json.loads(out)
    assert code == 1 and list(data) == ["version", "correct", "value", "unit", "expected", "ratio", "message",
                                     "hint"]
    assert data["correct"] is False and data["value"] == 8.59e9 and data["unit"] == "B"
    assert data["expected"] == 4294967296 and data["ratio"] == pytest.approx(2.0000152)
    assert data["hint"].startswith("Off by 2")
    code, out, _ = run("check", "6ND", "--expect", "6*N*D", "--json")
    assert code == 0 and json.loads(out) == {"version": 1, "correct": True, "value": None, "unit": None, "expected": None,
                                             "ratio": None, "hint": None,
                                             "message": "Correct: equivalent to the expected formula (shown symbolically)."}
    code, out, _ = run("check", "27.3%", "--expect", "3/11", "--json")
    assert code == 0 and json.loads(out)["value"] == 0.273


def test_check_json_of_an_unreadable_answer_still_prints_one_object() -> None:
    code, out, err = run("check", "1,5 GB", "--expect", "1.5 GB", "--json")
    data = json.loads(out)
    assert code == 2 and data["correct"] is False and data["value"] is None and data["expected"] == 1.5e9
    assert data["message"].startswith("could not read the answer") and err.startswith("error: could not read")


def test_calc_json() -> None:
    code, out, _ = run("calc", "2*2*32*4*2048*4096 B", "--json")
    assert code == 0 and json.loads(out) == {"version": 1, "value": 4294967296.0, "unit": "B", "text": "4.29 GB (4.00 GiB)",
                                             "note": None}
    code, out, _ = run("calc", "7B", "--json")
    assert code == 0 and json.loads(out)["note"].startswith("'B' was read as bytes; as a count this is 7,000,000,000")
