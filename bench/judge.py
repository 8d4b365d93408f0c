"""Grade time: `quizzer grade` on each reference solution as a ratio to `python -c "import torch"`.

Run: python bench/judge.py [--repeat N] [TASK...]. Every figure is a median of N runs measured in this run.
Besides the ratio it splits one grade into its parts (from the child's own timings): the torch and task
import, the cases (reference, known bugs and candidate), and the judge's overhead beyond one (isolated, quiet) torch
import and the cases: starting the CLI and the child, encoding, comparing, rendering. Aim: at most 1.5x for
attention.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
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
    for task in tasks:
        wall = walls[task]
        parts = breakdown(task, args.repeat)
        cases = parts["setup_s"] + parts["user_s"]
        # What grading costs beyond importing torch once and running the cases themselves.
        overhead = wall - quiet_s - cases
        print(f"{task:22} {wall:6.2f}s {wall / baseline:5.2f}x {wall / quiet_s:5.2f}x   {parts['import_s']:11.2f}s {cases:6.2f}s "
              f"{overhead:8.2f}s")


if __name__ == "__main__":
    main()
