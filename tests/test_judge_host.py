"""The warm host (`--watch`, practice, the mock): a fork per grade, with the guarantees of a fresh child."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizzer.judge.grading import grade
from quizzer.judge.host import SUPPORTED, WarmHost
from quizzer.judge.report import HintLadder, hint_lines
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not SUPPORTED, reason="the warm host forks, which is only relied on for Linux")

NO_SCALE = (REPO / "solutions" / "attention.py").read_text(encoding="utf-8").replace(
    "scores = q @ k.transpose(-2, -1) / math.sqrt(d)", "scores = q @ k.transpose(-2, -1)")
# Prints its own pid, and whether an earlier grade left a mark on torch (a fork must start clean every time).
PROBE = ("import os, torch\nprint('PID', os.getpid(), 'SEEN', hasattr(torch, '_quizzer_probe'))\n"
         "torch._quizzer_probe = 1\n") + NO_SCALE


@pytest.fixture(scope="module")
def host() -> Iterator[WarmHost]:
    warm = WarmHost()
    yield warm
    warm.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text("# quizzer: task=attention\n" + text, encoding="utf-8")
    return path


def test_a_warm_grade_gives_the_verdict_a_fresh_child_gives(tmp_path: Path, host: WarmHost) -> None:
    path = write(tmp_path, "no_scale.py", NO_SCALE)
    fresh, warm = grade(path), grade(path, host=host)
    assert [(c.name, c.passed, c.message) for c in warm.cases] == [(c.name, c.passed, c.message) for c in fresh.cases]
    assert warm.diagnosis == fresh.diagnosis and warm.diagnosis is not None and warm.diagnosis.bug == "no_scale"
    assert warm.timings["import_s"] < 0.5 < fresh.timings["import_s"]  # torch was imported once, by the host


def test_the_host_is_single_threaded_and_every_grade_is_a_new_clean_process(tmp_path: Path, host: WarmHost) -> None:
    path = write(tmp_path, "probe.py", PROBE)
    first, second = grade(path, host=host), grade(path, host=host)
    assert host.pid is not None and len(os.listdir(f"/proc/{host.pid}/task")) == 1
    assert os.getpgid(host.pid) != os.getpgid(0)  # its own session: Ctrl-C in the terminal is for the CLI
    pids = [int(v.output.split("PID ")[1].split()[0]) for v in (first, second)]
    assert len(set(pids + [host.pid])) == 3
    assert "SEEN False" in first.output and "SEEN False" in second.output


def test_a_dead_host_is_replaced_and_the_grade_still_happens(tmp_path: Path) -> None:
    warm = WarmHost()
    try:
        path = write(tmp_path, "no_scale.py", NO_SCALE)
        assert grade(path, host=warm).diagnosis is not None
        old = warm.pid
        assert old is not None
        os.kill(old, signal.SIGKILL)
        # This grade may find the host dying (it then runs in a fresh child); the next one starts a new host.
        for _ in range(2):
            verdict = grade(path, host=warm)
            assert verdict.diagnosis is not None and not verdict.passed
        assert warm.pid not in (None, old)
    finally:
        warm.close()


def test_closing_the_host_ends_its_process() -> None:
    warm = WarmHost()
    assert warm.usable()
    pid = warm.pid
    assert pid is not None
    warm.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_hint_ladder_climbs_one_step_at_a_time(tmp_path: Path, host: WarmHost) -> None:
    verdict = grade(write(tmp_path, "no_scale.py", NO_SCALE), host=host)
    ladder = HintLadder()
    assert ladder.next() == []  # nothing graded yet
    ladder.reset(verdict)
    first, second, third = ladder.next(), ladder.next(), ladder.next()
    assert [line.text for line in first][1].startswith("hint: the dot product of two d_k-dimensional vectors")
    assert [line.text for line in second][-1] == "fix: divide q @ k^T by math.sqrt(q.shape[-1]) before the softmax"
    assert third == [] and hint_lines(verdict, 0)[0].text.startswith("diagnosis: your output matches attention")


def test_a_one_shot_grade_gets_its_child_started_ahead_and_an_unused_one_is_cleaned_up(tmp_path: Path) -> None:
    import subprocess
    import sys

    from quizzer.judge.prestart import wanted

    assert wanted(["quizzer", "grade", "mine.py", "--json"])
    assert not wanted(["quizzer", "grade", "mine.py", "--watch"]) and not wanted(["quizzer", "tasks"])
    assert not wanted(["quizzer", "grade", "--help"])
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    ok = subprocess.run([sys.executable, "-m", "quizzer", "grade", str(REPO / "solutions" / "attention.py"), "--task",
                         "attention", "--json"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
                        check=False)
    assert ok.returncode == 0 and '"passed": true' in ok.stdout
    missing = subprocess.run([sys.executable, "-m", "quizzer", "grade", str(tmp_path / "missing.py")], cwd=REPO,
                             env=env, capture_output=True, text=True, timeout=300, check=False)
    assert (missing.returncode, missing.stderr) == (2, f"error: {tmp_path / 'missing.py'}: no such file\n")
    assert not list(tmp_path.glob("quizzer-judge-*"))  # the child started for nothing was killed, its folder gone
