"""Grade time, as ratios to `python -c "import torch"` measured in the same run.

Run: python bench/judge.py [--repeat N] [TASK...]. Every figure is a median of N runs.

- one-shot: `quizzer grade` on each reference solution (a fresh child imports torch), split into its parts from
  the child's own timings: the torch and task import, the cases (reference, known bugs and candidate), and the
  judge's overhead beyond one (isolated, quiet) torch import and the cases (negative when the child's head start,
  quizzer/judge/prestart.py, hides the CLI's own start-up). Target: at most 1.1x.
- warm re-grade: the same file graded again through a warm host (torch imported once, a fork per grade), as
  `--watch`, practice and the mock do. Target for attention: at most 0.25x.
- watch: `quizzer grade FILE --watch` running, the file saved, until the verdict's last line is printed.
  Target: under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def seconds(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one run of `cmd`; a failing command is an error, not a figure."""
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return elapsed


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall time of each command, running them in turn so load on the machine hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(seconds(cmd, env))
    return {name: statistics.median(t) for name, t in times.items()}


def breakdown(task: str, repeat: int) -> dict[str, float]:
    """Median child timings of an in-process grade of the reference."""
    from quizzer.judge.grading import grade, solution_path

    runs = [grade(solution_path(task), task).timings for _ in range(repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in ("import_s", "setup_s", "user_s", "wall_s")}


WATCH_TARGET_S = 0.5
TARGETS = {"one-shot": 1.1, "warm": 0.25}


def warm_regrades(task: str, repeat: int) -> float:
    """Median wall time of re-grading the reference through a warm host (started, and used once, beforehand)."""
    from quizzer.judge.grading import grade, solution_path
    from quizzer.judge.host import WarmHost

    host = WarmHost()
    try:
        if not host.usable():
            raise SystemExit("the warm host is not available on this platform")
        grade(solution_path(task), task, host=host)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            grade(solution_path(task), task, host=host)
            times.append(time.perf_counter() - start)
    finally:
        host.close()
    return statistics.median(times)


def watch_latency(task: str, repeat: int, env: dict[str, str]) -> float:
    """Median seconds from saving a file under `quizzer grade --watch` to the verdict's summary line."""
    from quizzer.judge.grading import solution_path

    folder = Path(tempfile.mkdtemp(prefix="quizzer-bench-watch-"))
    path = folder / f"{task}.py"
    good = f"# quizzer: task={task}\n" + solution_path(task).read_text(encoding="utf-8")
    path.write_text(good, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quizzer", "grade", str(path), "--watch"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout or []], daemon=True).start()

    def until(prefix: str, timeout: float = 120.0) -> float:
        deadline = time.monotonic() + timeout
        while True:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if line.startswith(prefix):
                return time.perf_counter()

    try:
        until("watching")
        times = []
        for i in range(repeat):
            # Alternate two texts (a trailing comment) so every save changes the file.
            time.sleep(0.3)  # let the watcher settle back into waiting
            start = time.perf_counter()
            path.write_text(good + f"# save {i}\n", encoding="utf-8")
            done = until("PASS")
            times.append(done - start)
            until("watching")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("tasks", nargs="*", help="task ids (default: every task with hidden tests)")
    args = parser.parse_args()
    from quizzer.judge import catalog
    from quizzer.judge.grading import ready, solution_path

    tasks = args.tasks or [t for t in catalog.tasks() if ready(t)]
    env = dict(os.environ, QUIZZER_HOME=tempfile.mkdtemp(prefix="quizzer-bench-"), NO_COLOR="1",
               OMP_NUM_THREADS="1", PYTHONPATH=str(REPO))
    py = sys.executable
    # The baseline, and the same import as the judge's child does it (isolated, NumPy warning off):
    # the second keeps the overhead figure honest where printing that warning is slow.
    quiet = "import warnings; warnings.filterwarnings('ignore'); import torch"
    commands = {"baseline": [py, "-c", "import torch"], "quiet": [py, "-I", "-c", quiet]}
    commands.update({task: [py, "-m", "quizzer", "grade", str(solution_path(task)), "--task", task, "--json"]
                     for task in tasks})
    walls = interleaved(commands, args.repeat, env)
    baseline, quiet_s = walls["baseline"], walls["quiet"]
    print(f"python -c 'import torch'  {baseline:6.2f} s  (baseline, median of {args.repeat})")
    print(f"python -I, no warning     {quiet_s:6.2f} s  (the child's kind of import)")
    print(f"{'task':22} {'grade':>7} {'ratio':>6} {'vs -I':>6}   {'child import':>12} {'cases':>7} {'overhead':>9}")
    worst = 0.0
    for task in tasks:
        wall = walls[task]
        parts = breakdown(task, args.repeat)
        cases = parts["setup_s"] + parts["user_s"]
        # What grading costs beyond importing torch once and running the cases themselves.
        overhead = wall - quiet_s - cases
        worst = max(worst, wall / baseline)
        print(f"{task:22} {wall:6.2f}s {wall / baseline:5.2f}x {wall / quiet_s:5.2f}x   {parts['import_s']:11.2f}s {cases:6.2f}s "
              f"{overhead:8.2f}s")
    focus = "attention" if "attention" in tasks else tasks[0]
    one_shot = walls[focus] / baseline
    warm = warm_regrades(focus, args.repeat) / baseline
    watch = watch_latency(focus, args.repeat, env)
    print()
    print(f"{'target':44} {'measured':>9} {'aim':>7}")
    rows = [(f"one-shot grade of {focus} / import torch", one_shot, TARGETS["one-shot"], "x"),
            (f"warm re-grade of {focus} / import torch", warm, TARGETS["warm"], "x"),
            (f"--watch save to verdict ({focus})", watch, WATCH_TARGET_S, " s")]
    for label, value, aim, unit in rows:
        mark = "ok" if value <= aim else "MISSED"
        print(f"{label:44} {value:8.2f}{unit} {aim:6.2f}{unit}  {mark}")


if __name__ == "__main__":
    main()
