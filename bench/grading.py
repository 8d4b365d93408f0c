"""Grading speed: answers graded per second (warm) and the cold cost of the first formula check.

Run: python bench/grading.py [--repeat N]. Every figure is a ratio to a baseline measured in the same run:
warm grading against parsing a trivial expression (`1 + 2`), the first formula check in a fresh process
against `python -c "import sympy"` (SymPy is imported lazily, by the first formula comparison only).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from quizzer.expr import parse  # noqa: E402
from quizzer.grading import Target, grade_formula, grade_quantity  # noqa: E402
from quizzer.grading.dims import BYTES  # noqa: E402
from quizzer.models import Formula, Text, Tolerance, Variable  # noqa: E402

ANSWERS = ["4.29 GB", "4 GiB", "2*2*32*4*2048*4096 B", "约4.3G显存", "17-18 GB", "8.59 GB", "4.29 hours", "1,5 GB",
           "4,294,967,296 bytes", "7B * 2 bytes", "4.3 ± 0.2 GB", "4.29"]
KV = Target(4294967296.0, BYTES, "B", Tolerance("rel", 0.03), "GB", "GB")
TRAIN = Formula((Variable("N", ("params",), Text("N", "N")), Variable("D", ("tokens",), Text("D", "D"))), "6 * N * D")
FORMULAS = ["6ND", "6*params*tokens", "2*N*D", "3*2*N*D", "6N"]
FIRST_CHECK = ("from quizzer.grading import grade_formula\n"
               "from quizzer.models import Formula, Text, Variable\n"
               "f = Formula((Variable('N', (), Text('N', 'N')), Variable('D', (), Text('D', 'D'))), '6 * N * D')\n"
               "assert grade_formula('6ND', f).correct\n")


def per_second(work: Callable[[], object], items: int, seconds: float = 1.0) -> float:
    """Items per second over repeated calls of `work` (each call handles `items` items)."""
    work()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        work()
        calls += 1
    return calls * items / (time.perf_counter() - start)


def process_seconds(code: str, repeat: int) -> float:
    """Median wall time of `python -c code`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    trivial = per_second(lambda: parse("1 + 2"), 1)
    numeric = per_second(lambda: [grade_quantity(a, KV) for a in ANSWERS], len(ANSWERS))
    formula = per_second(lambda: [grade_formula(f, TRAIN) for f in FORMULAS], len(FORMULAS))
    print(f"parse '1 + 2' (baseline)     {trivial:9.0f} /s")
    print(f"numeric answers graded        {numeric:9.0f} /s  {trivial / numeric:6.1f}x the baseline's time each")
    print(f"formula answers graded (warm) {formula:9.0f} /s  {trivial / formula:6.1f}x the baseline's time each")

    nothing = process_seconds("pass", args.repeat)
    sympy = process_seconds("import sympy", args.repeat) - nothing
    light = process_seconds("import quizzer.grading", args.repeat) - nothing
    first = process_seconds(FIRST_CHECK, args.repeat) - nothing
    print(f"import sympy (baseline)       {sympy * 1000:9.0f} ms")
    print(f"import quizzer.grading        {light * 1000:9.0f} ms  {light / sympy:6.2f}x import sympy (no SymPy loaded)")
    print(f"first formula check, cold     {first * 1000:9.0f} ms  {first / sympy:6.2f}x import sympy")


if __name__ == "__main__":
    main()
