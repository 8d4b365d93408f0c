"""Start-up cost: `quizzer --help` and time to the first practice question, as ratios to `python -c pass`.

Run: python bench/startup.py [--repeat N]. Each figure is the median of N runs measured in this run,
so the ratios compare like with like on whatever machine runs it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def median_seconds(cmd: list[str], repeat: int, env: dict[str, str], stdin: str = "") -> float:
    """Median wall time of `cmd` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QUIZZER_HOME=tempfile.mkdtemp(prefix="quizzer-bench-"), NO_COLOR="1")
    py = sys.executable
    baseline = median_seconds([py, "-c", "pass"], args.repeat, env)
    help_s = median_seconds([py, "-m", "quizzer", "--help"], args.repeat, env)
    # Stdin is empty, so practice shows the first question, reads end-of-input and exits: that is the
    # time a candidate waits for the first question (plus a tiny teardown).
    first_q = median_seconds([py, "-m", "quizzer", "practice", "--count", "1", "--seed", "1"], args.repeat, env)
    print(f"python -c pass          {baseline * 1000:7.1f} ms  (baseline)")
    print(f"quizzer --help          {help_s * 1000:7.1f} ms  {help_s / baseline:5.1f}x baseline")
    print(f"first practice question {first_q * 1000:7.1f} ms  {first_q / baseline:5.1f}x baseline, "
          f"{first_q / help_s:4.2f}x --help")


if __name__ == "__main__":
    main()
