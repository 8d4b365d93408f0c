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


# Targets, as ratios measured in the same run (a slow machine slows the baseline too).
HELP_TARGET = 20.0  # x `python -c pass`: Typer and Rich alone cost about 10x
# x `quizzer --help`, with the parsed-catalog cache warm. Parsing a command's options makes Typer build a
# pydantic adapter per option (about 0.2 s on a slow machine), which --help alone never pays.
FIRST_TARGET = 2.0


def median_seconds(cmd: list[str], repeat: int, env: dict[str, str], fresh_home: bool = False) -> float:
    """Median wall time of `cmd` over `repeat` runs (each in a new, empty data folder if `fresh_home`)."""
    times = []
    for _ in range(repeat):
        run_env = dict(env, QUIZZER_HOME=tempfile.mkdtemp(prefix="quizzer-bench-")) if fresh_home else env
        start = time.perf_counter()
        subprocess.run(cmd, input="", capture_output=True, text=True, env=run_env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(ratio: float, target: float) -> str:
    """`ok` or `MISSED` against a target ratio."""
    return f"target <= {target:g}x: {'ok' if ratio <= target else 'MISSED'}"


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
    practice = [py, "-m", "quizzer", "practice", "--count", "1", "--seed", "1"]
    cold = median_seconds(practice, args.repeat, env, fresh_home=True)
    first_q = median_seconds(practice, args.repeat, env)
    print(f"python -c pass                 {baseline * 1000:7.1f} ms  (baseline)")
    print(f"quizzer --help                 {help_s * 1000:7.1f} ms  {help_s / baseline:5.1f}x baseline  "
          f"{verdict(help_s / baseline, HELP_TARGET)}")
    print(f"first question, no cache       {cold * 1000:7.1f} ms  {cold / baseline:5.1f}x baseline, "
          f"{cold / help_s:4.2f}x --help")
    print(f"first question, catalog cached {first_q * 1000:7.1f} ms  {first_q / baseline:5.1f}x baseline, "
          f"{first_q / help_s:4.2f}x --help  {verdict(first_q / help_s, FIRST_TARGET)}")


if __name__ == "__main__":
    main()
