"""`quizzer tasks`, `start` and `grade` as a candidate and a script see them: output, JSON shapes, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.judge import catalog
from tests.conftest import REPO

runner = CliRunner()
SOLUTION = REPO / "solutions" / "attention.py"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_tasks_lists_every_task_of_the_contract() -> None:
    code, out, _ = invoke("tasks")
    assert code == 0
    assert out.splitlines()[-1] == "38 tasks. 'quizzer start TASK' writes a starter file; 'quizzer grade FILE' checks it."
    assert "scaled_dot_product_attention" in out and "tree_codec" in out


def test_tasks_json_shape() -> None:
    code, out, _ = invoke("tasks", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 38
    assert data[0] == {"id": "attention", "title": "Scaled dot-product attention",
                       "functions": ["scaled_dot_product_attention"], "source": ["adv.m1", "hot.q01", "hot.q04"],
                       "passed_at": None}
    assert [d["id"] for d in data] == list(catalog.tasks())


def test_start_writes_a_starter_and_refuses_to_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("start", "rmsnorm")
    assert code == 0
    assert out == "wrote rmsnorm.py: implement RMSNorm, then run\n  quizzer grade rmsnorm.py\n"
    text = (tmp_path / "rmsnorm.py").read_text(encoding="utf-8")
    assert text.startswith("# quizzer: task=rmsnorm\n") and "raise NotImplementedError" in text
    (tmp_path / "rmsnorm.py").write_text("my work", encoding="utf-8")
    code, _, err = invoke("start", "rmsnorm")
    assert (code, err) == (2, "error: rmsnorm.py already exists; pass --force to overwrite it\n")
    assert (tmp_path / "rmsnorm.py").read_text(encoding="utf-8") == "my work"
    assert invoke("start", "rmsnorm", "--force")[0] == 0
    assert (tmp_path / "rmsnorm.py").read_text(encoding="utf-8") == text


def test_start_into_a_folder_or_a_named_file(tmp_path: Path) -> None:
    assert invoke("start", "attention", str(tmp_path))[0] == 0
    assert (tmp_path / "attention.py").is_file()
    assert invoke("start", "attention", str(tmp_path / "mine.py"))[0] == 0
    assert (tmp_path / "mine.py").read_text(encoding="utf-8").startswith("# quizzer: task=attention\n")


def test_start_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke("start", "nope", str(tmp_path)) == (2, "", "error: unknown task 'nope' (see 'quizzer tasks')\n")
    assert invoke("start", "attention", str(tmp_path / "no" / "x.py"))[2] == f"error: {tmp_path / 'no'}: no such folder\n"
    from quizzer.judge import starter

    monkeypatch.setattr(starter, "starter_path", lambda task_id: tmp_path / "no-such-starter.py")
    assert invoke("start", "attention", str(tmp_path)) == (2, "", "error: task 'attention' has no starter yet\n")


@pytest.mark.parametrize(("args", "message"), [
    (["missing.py"], "error: missing.py: no such file\n"),
    (["{tmp}/plain.py"], "error: {tmp}/plain.py: no '# quizzer: task=ID' line; add one or pass --task ID\n"),
    (["{tmp}/plain.py", "--task", "nope"], "error: unknown task 'nope' (did you mean 'rope'? see 'quizzer tasks')\n"),
    (["{tmp}/plain.py", "--task", "xyzzy"], "error: unknown task 'xyzzy' (see 'quizzer tasks')\n"),
    (["{tmp}/plain.py", "--task", "attention", "--device", "tpu"], "error: unknown device 'tpu' (one of cpu, cuda)\n"),
    (["{tmp}/plain.py", "--task", "attention", "--watch", "--json"],
     "error: --watch prints for people; it cannot be combined with --json\n"),
])
def test_grade_unusable_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "plain.py").write_text("x = 1\n", encoding="utf-8")
    code, out, err = invoke("grade", *[a.format(tmp=tmp_path) for a in args])
    assert (code, out, err) == (2, "", message.format(tmp=tmp_path))


def test_grade_reference_passes() -> None:
    code, out, _ = invoke("grade", str(SOLUTION), "--task", "attention")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{SOLUTION} · task attention · cpu"
    assert lines[1] == "  ✓ example_2d         q(4,8) k(6,8) v(6,8) float32"
    assert lines[-1].startswith("PASS all 14 cases (")


def test_grade_names_the_bug_once_and_shows_the_trimmed_traceback(tmp_path: Path) -> None:
    path = tmp_path / "mine.py"
    path.write_text("# quizzer: task=attention\nimport torch\n\n"
                    "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
                    "    if mask is not None:\n        raise ValueError('no masks yet')\n"
                    "    s = q @ k.transpose(-2, -1)\n"
                    "    if is_causal:\n"
                    "        s = s.masked_fill(torch.ones(s.shape[-2:], dtype=torch.bool).triu(1), float('-inf'))\n"
                    "    return torch.softmax(s, dim=-1) @ v\n", encoding="utf-8")
    code, out, _ = invoke("grade", str(path))
    assert code == 1
    lines = out.splitlines()
    # Diagnosis first, said once; the mask cases raised, so they neither support nor contradict it.
    assert lines[1].startswith("diagnosis: your output matches attention without the 1/sqrt(d_k) scale (8 failing "
                               "cases: example_2d, example_3d, 4d_dv_ne_d, L_gt_S and 4 more)")
    assert out.count("1/sqrt(d_k)") == 1
    assert ("  ✗ mask_broadcast     q(2,3,5,8) k(2,3,6,8) v(2,3,6,8) mask(5,6):bool float32\n"
            "      ValueError: no masks yet\n"
            "      line 6, in scaled_dot_product_attention: raise ValueError('no masks yet')\n") in out
    assert "(expected " in out.split("✗ example_3d")[1].split("\n  ")[1]  # visible case: values shown
    assert "(expected " not in out.split("✗ 4d_dv_ne_d")[1].split("\n  ")[1]  # hidden case: no values
    # Failing cases first, then the passing ones.
    marks = [line[2] for line in lines if line[:4] in ("  ✓ ", "  ✗ ")]
    assert marks == sorted(marks, key=lambda m: m == "✓") and marks.count("✓") == 3
    assert lines[-2].startswith("FAIL 3 of 14 cases passed (")
    # The ladder: the diagnosis is named, its explanation and fix wait for --hints.
    assert lines[-1] == "1 hint can say more: grade again with --hints for the explanation"
    assert "hint:" not in out and "fix:" not in out
    out1, out2 = invoke("grade", str(path), "--hints")[1], invoke("grade", str(path), "--hints", "--hints")[1]
    assert "  hint: the dot product of two d_k-dimensional vectors grows" in out1 and "fix:" not in out1
    assert out1.splitlines()[-1] == "1 hint can say more: grade again with --hints --hints for the fix"
    assert "  fix: divide q @ k^T by math.sqrt(q.shape[-1]) before the softmax" in out2
    assert out2.splitlines()[-1].startswith("FAIL 3 of 14")


def test_two_bugs_at_once_get_no_diagnosis_only_the_measured_differences(tmp_path: Path) -> None:
    path = tmp_path / "mine.py"
    path.write_text("# quizzer: task=attention\nimport torch\n\n"
                    "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
                    "    return torch.softmax(q @ k.transpose(-2, -1), dim=-1) @ v\n", encoding="utf-8")
    code, out, _ = invoke("grade", str(path), "--hints", "--hints")
    assert code == 1 and "diagnosis" not in out
    # The one hint that fits: the file does let queries see the future (a property case, true whatever else fails).
    assert out.count("hint:") == 1
    assert ("      change of the outputs up to t: should be all zeros, but 64 of 64 values are not; the largest, "
            in out)
    assert "      hint: changing keys after position t changed the outputs up to t" in out


def test_grade_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "stub.py"
    invoke("start", "attention", str(path))
    code, out, err = invoke("grade", str(path), "--json")
    data = json.loads(out)
    assert (code, err) == (1, "")
    assert set(data) == {"version", "task", "passed", "cases", "forbidden", "seconds", "diagnosis"}
    assert (data["version"], data["task"], data["passed"], data["forbidden"]) == (1, "attention", False, [])
    assert data["cases"][0] == {"name": "example_2d", "passed": False, "hint": None, "extra": False,
                                "diagnosed": False, "output": [], "output_more": 0,
                                "message": "not implemented yet (raises NotImplementedError)\n"
                                           "line 22, in scaled_dot_product_attention: raise NotImplementedError"}
    assert data["diagnosis"] is None
    assert isinstance(data["seconds"], float)


def test_prints_are_shown_under_the_case_that_printed_them(tmp_path: Path) -> None:
    path = tmp_path / "chatty.py"
    path.write_text("# quizzer: task=attention\nimport sys\nimport torch\nprint('loaded')\n\n"
                    "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
                    "    print('dims', q.dim(), 'L', q.shape[-2])\n"
                    "    if q.dim() == 4:\n"
                    "        for i in range(100):\n            print('row', i, file=sys.stderr)\n"
                    "        return q\n"
                    + "".join("    " + line + "\n" for line in (
                        "s = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5",
                        "if is_causal:",
                        "    s = s.masked_fill(torch.ones(s.shape[-2:], dtype=torch.bool).triu(1), float('-inf'))",
                        "if mask is not None:",
                        "    s = s.masked_fill(~mask, float('-inf'))",
                        "return torch.softmax(s, dim=-1) @ v")), encoding="utf-8")
    code, out, _ = invoke("grade", str(path))
    assert code == 1
    # A failing 4-D case: its own 40 lines, stdout and stderr in order, the rest counted.
    block = out.split("  ✗ 4d_dv_ne_d")[1].split("\n  ✗ ")[0]
    assert "      printed (61 more lines not shown):\n        dims 4 L 5\n        row 0\n" in block
    assert block.rstrip().endswith("        row 38") and "row 39" not in block
    # A passing case shows its first few lines; what the import printed is said once, apart.
    assert "  ✓ example_2d" in out and "      printed:\n        dims 2 L 4\n" in out.split("  ✓ example_2d")[1]
    assert "your file printed while being imported:\n    loaded\n" in out
    data = json.loads(invoke("grade", str(path), "--json")[1])
    by_name = {c["name"]: c for c in data["cases"]}
    assert by_name["example_2d"]["output"] == ["dims 2 L 4"] and by_name["example_2d"]["output_more"] == 0
    assert len(by_name["4d_dv_ne_d"]["output"]) == 40 and by_name["4d_dv_ne_d"]["output_more"] == 61
    assert by_name["no_future_leak"]["output"] == ["dims 3 L 8", "dims 3 L 8"]


def test_grade_warns_when_task_and_header_disagree(tmp_path: Path) -> None:
    path = tmp_path / "mine.py"
    path.write_text("# quizzer: task=rmsnorm\n" + SOLUTION.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = invoke("grade", str(path), "--task", "attention")
    assert code == 0 and out.splitlines()[-1].startswith("PASS")
    assert err == ("warning: --task attention overrides the file's header '# quizzer: task=rmsnorm'; grading it as "
                   "attention\n")
    assert invoke("grade", str(path), "--task", "atention")[2] == (
        "warning: --task atention overrides the file's header '# quizzer: task=rmsnorm'; grading it as atention\n"
        "error: unknown task 'atention' (did you mean 'attention'? see 'quizzer tasks')\n")


def test_a_pass_is_recorded_and_tasks_shows_it(tmp_path: Path) -> None:
    assert "passed" not in invoke("tasks")[1].splitlines()[-1]
    assert invoke("grade", str(SOLUTION), "--task", "attention")[0] == 0
    code, out, _ = invoke("tasks")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("attention "))
    assert "✓ 20" in row  # the date of the pass
    assert "You have passed 1 of them." in out.splitlines()[-1]
    data = json.loads(invoke("tasks", "--json")[1])
    assert data[0]["passed_at"] is not None and data[1]["passed_at"] is None


def test_grade_syntax_error_and_forbidden_need_no_child(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("# quizzer: task=rmsnorm\ndef f(:\n", encoding="utf-8")
    code, out, _ = invoke("grade", str(bad), "--json")
    assert code == 1
    assert json.loads(out)["cases"] == [{"name": "import", "passed": False, "hint": None, "extra": False,
                                         "diagnosed": False, "output": [], "output_more": 0,
                                         "message": "SyntaxError: invalid syntax (line 2)\nline 2: def f(:"}]
    bad.write_text("# quizzer: task=rmsnorm\nfrom torch import nn\nNorm = nn.RMSNorm\n", encoding="utf-8")
    code, out, _ = invoke("grade", str(bad), "--json")
    assert (code, json.loads(out)["forbidden"]) == (1, ["torch.nn.RMSNorm"])


def test_grade_on_cuda_says_plainly_when_there_is_none() -> None:
    code, out, err = invoke("grade", str(SOLUTION), "--task", "attention", "--device", "cuda")
    if code == 0:
        assert "· cuda" in out.splitlines()[0]  # a machine with a GPU: the cases ran there
        return
    assert code == 2 and out == ""
    assert err.startswith("error: --device cuda: CUDA is not available (torch ")
    assert err.endswith("; grade on the CPU with --device cpu\n")


def test_the_parent_never_imports_torch() -> None:
    code = ("import sys, runpy\n"
            f"sys.argv = ['quizzer', 'grade', {str(SOLUTION)!r}, '--task', 'attention', '--json']\n"
            "try:\n    runpy.run_module('quizzer', run_name='__main__')\nexcept SystemExit as e:\n    rc = e.code\n"
            "sys.stderr.write(f'RC={rc} TORCH={\"torch\" in sys.modules}')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.stderr.endswith("RC=0 TORCH=False")
    assert json.loads(result.stdout)["passed"] is True


def test_watch_grades_again_on_every_save(tmp_path: Path) -> None:
    path = tmp_path / "attention.py"
    invoke("start", "attention", str(path))
    child = pexpect.spawn(sys.executable, ["-m", "quizzer", "grade", str(path), "--watch"], cwd=str(REPO),
                          encoding="utf-8", timeout=90, env={**os.environ, "COLUMNS": "200", "TERM": "dumb"})
    try:
        child.expect(r"─ \d\d:\d\d:\d\d · attention\.py ─")  # a separator with the time before each run
        child.expect(r"FAIL 0 of 14 cases passed")
        # A terminal wraps long lines at word boundaries (TERM=dumb is 80 columns wide): any space may be a line break.
        child.expect(r"watching .*attention\.py\s+\((watchfiles|polling)\);\s+save\s+to\s+grade\s+again,"
                     r"\s+Ctrl-C\s+to\s+stop")
        path.write_text("# quizzer: task=attention\n" + SOLUTION.read_text(encoding="utf-8"), encoding="utf-8")
        child.expect(r"─ \d\d:\d\d:\d\d · attention\.py ─")
        child.expect(r"PASS all 14 cases")
        child.expect(r"watching")
        path.write_text("# quizzer: task=attention\ndef f(:\n", encoding="utf-8")
        child.expect(r"SyntaxError: invalid syntax \(line 2\)")
        child.expect(r"watching")
        child.sendintr()
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130


def test_show_answer_on_a_code_question_prints_the_reference_solution() -> None:
    code, out, _ = invoke("show", "attention.code-scaled-dot-product", "--answer", "--lang", "en")
    assert code == 0
    assert "Reference solution (solutions/attention.py)" in out
    assert "def scaled_dot_product_attention(" in out.split("Reference solution (solutions/attention.py)")[1]


def test_gpu_check_says_plainly_when_there_is_no_cuda() -> None:
    result = subprocess.run(["bash", str(REPO / "bench" / "gpu_check.sh"), "attention"], capture_output=True,
                            check=False, text=True, timeout=300, env={**os.environ, "PYTHON": sys.executable})
    if result.returncode != 2:
        pytest.skip("a CUDA device is present: bench/gpu_check.sh grades on it instead")
    assert result.stdout == ""
    assert result.stderr.startswith("gpu_check: CUDA is not available here (torch ")
    assert result.stderr.rstrip().endswith("nothing was graded. Run it on a machine with a GPU.")
