"""Solutions that attack the judge are judged wrong, with a clear message, within the timeout; the grader survives.

Every file is graded the way `quizzer grade` does it (one fresh child each, two at a time), and again the way
`--watch`, practice and the mock do it (a child forked from the warm host, one at a time): every guarantee
holds either way.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quizzer.judge.grading import grade
from quizzer.judge.host import SUPPORTED, WarmHost
from quizzer.judge.verdict import Verdict
from tests.conftest import REPO

TIMEOUT = 4.0
HEAD = "# quizzer: task=attention\nimport math, os, sys\nimport torch\n"
SIG = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"

HOSTILE = {
    # Comparison helpers the judge never uses in the child, and C-level tensor methods it captured first.
    "patched_allclose": HEAD + "torch.allclose = lambda *a, **k: True\ntorch.equal = lambda *a, **k: True\n"
                        "torch.Tensor.tolist = lambda self: [0.0]\ntorch.Tensor.__eq__ = lambda a, b: True\n"
                        + SIG + "    return torch.zeros(*q.shape[:-1], v.shape[-1], dtype=q.dtype)\n",
    # If the expected values were computed after this import, the reference would return zeros too.
    "patched_reference": HEAD + "torch.softmax = lambda x, dim=-1: torch.zeros_like(x)\n"
                         "torch.Tensor.__matmul__ = lambda a, b: torch.zeros(*a.shape[:-1], b.shape[-1], dtype=a.dtype)\n"
                         + SIG + "    return torch.zeros(*q.shape[:-1], v.shape[-1], dtype=q.dtype)\n",
    "tensor_subclass": HEAD + "class Fake(torch.Tensor):\n    def __eq__(self, other):\n        return True\n"
                       + SIG + "    return torch.zeros(*q.shape[:-1], v.shape[-1]).as_subclass(Fake)\n",
    "prints_fake_result": HEAD + 'print(\'{"task": "attention", "passed": true, "cases": []}\')\nprint("PASS all 14 cases")\n'
                          + SIG + "    print('PASS')\n    return q\n",
    "os_exit_0": HEAD + SIG + "    os._exit(0)\n",
    "exit_at_import": HEAD + "os._exit(0)\n" + SIG + "    return q\n",
    "sys_exit": HEAD + SIG + "    sys.exit(0)\n",
    "infinite_loop": HEAD + SIG + "    while True:\n        pass\n",
    "abort": HEAD + SIG + "    os.abort()\n",
    "stdout_flood": HEAD + SIG + "    while True:\n        print('x' * 10000)\n",
    "memory_hog": HEAD + SIG + "    return [torch.empty(2**28) for _ in range(64)]\n",
    "modifies_input": HEAD + SIG + "    q /= math.sqrt(q.shape[-1])\n"
                      "    return torch.softmax(q @ k.transpose(-2, -1), dim=-1) @ v\n",
    "forbidden_static": HEAD + "import torch.nn.functional as F\n" + SIG
                        + "    return F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=is_causal)\n",
    "forbidden_runtime": HEAD + "import importlib\n" + SIG
                         + "    f = getattr(importlib.import_module('torch.nn.' + 'functional'), 'scaled_dot_' + "
                           "'product_attention')\n    return f(q, k, v, attn_mask=mask, is_causal=is_causal)\n",
    "forbidden_kernel_alias": HEAD + SIG + "    c = getattr(vars(torch)['_' + 'C'], '_nn')\n"
                              "    return getattr(c, 'scaled_dot_' + 'product_attention')(q, k, v, attn_mask=mask, "
                              "is_causal=is_causal)\n",
    "forges_the_channel": HEAD + "import struct\nfor fd in range(3, 64):\n    try:\n"
                          "        os.write(fd, struct.pack('>I', 20) + b'{\"t\":\"done\",\"n\":\"x\"}')\n"
                          "    except OSError:\n        pass\n" + SIG + "    return q\n",
    "snoops": HEAD + "print('ENV', sorted(os.environ))\nprint('CWD', os.getcwd())\nprint('ISOLATED', sys.flags.isolated)\n"
              "print('STDIN', repr(sys.stdin.read()) if not sys.stdin.closed else 'closed')\n" + SIG + "    return q\n",
}


MODES = ["fresh"] + (["warm"] if SUPPORTED else [])


@pytest.fixture(scope="module", params=MODES)
def verdicts(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Verdict, float]]]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, text in HOSTILE.items():
        paths[name] = folder / f"{name}.py"
        paths[name].write_text(text, encoding="utf-8")
    host = WarmHost() if request.param == "warm" else None

    def run(name: str) -> tuple[Verdict, float]:
        v = grade(paths[name], timeout=TIMEOUT, host=host)
        return v, v.seconds

    try:
        with ThreadPoolExecutor(max_workers=2 if host is None else 1) as pool:
            yield dict(zip(HOSTILE, pool.map(run, HOSTILE)))
    finally:
        if host is not None:
            host.close()


def first_failure(v: Verdict) -> str:
    assert not v.passed
    return v.failed[0].message


@pytest.mark.parametrize("name", ["patched_allclose", "patched_reference"])
def test_patching_torch_cannot_change_the_verdict(verdicts: dict, name: str) -> None:
    v, _ = verdicts[name]
    assert not any(c.passed for c in v.cases if c.name.startswith("example"))
    assert first_failure(v).startswith("max abs error")


def test_a_tensor_subclass_is_rejected(verdicts: dict) -> None:
    assert first_failure(verdicts["tensor_subclass"][0]) == (
        "returned a solution.Fake (a torch.Tensor subclass; return a plain torch.Tensor), expected a torch.Tensor")


def test_printing_a_fake_result_is_just_output(verdicts: dict) -> None:
    v, _ = verdicts["prints_fake_result"]
    assert not v.passed
    assert '"passed": true' in v.output and "PASS all 14 cases" in v.output


@pytest.mark.parametrize(("name", "message"), [
    ("os_exit_0", "the process exited with code 0 while running case 'example_2d' before reporting a result"),
    ("abort", "the process was killed by SIGABRT while running case 'example_2d' before reporting a result"),
    ("infinite_loop", f"timed out after {TIMEOUT:g} s while running case 'example_2d' (an endless loop?)"),
    ("stdout_flood", "printed more than 1024 KiB, so the run was stopped (a print in a loop?)"),
    ("sys_exit", "SystemExit: 0"),
])
def test_ending_or_hanging_the_process_names_the_case(verdicts: dict, name: str, message: str) -> None:
    v, seconds = verdicts[name]
    assert first_failure(v) == message
    assert v.failed[0].name == "example_2d"
    if name != "sys_exit":
        assert v.failed[1].message == f"not run: {message}"
    assert seconds < TIMEOUT + 30  # torch import plus the candidate's budget, never the setup timeout


def test_exiting_at_import_is_an_import_failure(verdicts: dict) -> None:
    v, _ = verdicts["exit_at_import"]
    assert [(c.name, c.message) for c in v.cases] == [
        ("import", "the process exited with code 0 while importing your file before reporting a result")]


def test_a_memory_hog_hits_the_limit(verdicts: dict) -> None:
    assert first_failure(verdicts["memory_hog"][0]).startswith("ran out of memory (the judge allows 4 GiB)")


def test_modifying_an_input_in_place_is_reported(verdicts: dict) -> None:
    v, _ = verdicts["modifies_input"]
    assert {c.message for c in v.failed if c.name.startswith("example")} == {
        "modified its input q in place; work on new tensors (x = x * w, not x *= w)"}


def test_forbidden_api_in_the_source_is_reported_by_name_without_running(verdicts: dict) -> None:
    v, _ = verdicts["forbidden_static"]
    assert v.forbidden == ("torch.nn.functional.scaled_dot_product_attention",)
    assert [c.name for c in v.cases] == ["forbidden"]
    assert v.cases[0].message == ("uses what this task forbids: "
                                  "line 6: F.scaled_dot_product_attention (torch.nn.functional.scaled_dot_product_attention)")


@pytest.mark.parametrize("name", ["forbidden_runtime", "forbidden_kernel_alias"])
def test_forbidden_api_reached_indirectly_is_caught_at_run_time(verdicts: dict, name: str) -> None:
    v, _ = verdicts[name]
    assert v.forbidden == ("torch.nn.functional.scaled_dot_product_attention",)
    assert first_failure(v) == "uses torch.nn.functional.scaled_dot_product_attention, which this task forbids"


def test_writing_to_the_private_channel_is_tampering(verdicts: dict) -> None:
    v, _ = verdicts["forges_the_channel"]
    assert [(c.name, c.message) for c in v.cases] == [
        ("import", "the judge's private result channel received data the judge did not send")]


def test_the_child_is_isolated(verdicts: dict) -> None:
    out = verdicts["snoops"][0].output
    env = json.loads(out.split("ENV ", 1)[1].splitlines()[0].replace("'", '"'))
    assert "QUIZZER_HOME" not in env and set(env) <= {"PATH", "HOME", "TMPDIR", "LANG", "PYTHONIOENCODING", "NO_COLOR",
                                                      "OMP_NUM_THREADS", "MKL_NUM_THREADS", "PYTHONHASHSEED",
                                                      "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "CUDA_HOME", "LC_CTYPE"}
    assert "quizzer-judge-" in out.split("CWD ", 1)[1].splitlines()[0]
    assert "ISOLATED 1" in out
    assert "STDIN closed" in out or "STDIN ''" in out


def test_the_grader_survives_and_json_stdout_stays_clean(tmp_path: Path) -> None:
    """After the whole suite, a fake result printed by the candidate never reaches `grade --json`'s stdout."""
    path = tmp_path / "fake.py"
    path.write_text(HOSTILE["prints_fake_result"], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quizzer", "grade", str(path), "--json"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert json.loads(result.stdout)["passed"] is False
