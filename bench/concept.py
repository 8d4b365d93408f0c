"""Concept judging speed: one answer judged warm, as a ratio to normalising the same answer's text.

Run: python bench/concept.py. Target: judging one answer takes at most 5 ms warm on this machine (stated
with the baseline measured in the same run, so a slow machine is visible as such), and importing the
grader adds no heavy module (torch, sympy) to the start-up path.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from quizzer.bank import load_catalog  # noqa: E402
from quizzer.grading.concept import grade_concept  # noqa: E402
from quizzer.models import Concept, Question  # noqa: E402
from quizzer.text.normalize import normalize  # noqa: E402

TARGET_MS = 5.0


def main() -> None:
    """Judge every reference answer against every other concept question, then print per-answer costs."""
    questions = [q for q in load_catalog().questions if isinstance(q.spec, Concept)]
    answers = [f"{o.spec.answer.en} ({i})" for i, o in enumerate(questions)  # type: ignore[union-attr]
               ] + [f"{o.spec.answer.zh}（{i}）" for i, o in enumerate(questions)]  # type: ignore[union-attr]

    def judge_all(q: Question) -> None:
        assert isinstance(q.spec, Concept)
        for a in answers[:40]:
            # A fresh text per question, so no answer-level cache helps: each judgement starts from the text.
            grade_concept(f"{a} [{q.id}]", q.spec)

    for q in questions[:3]:
        judge_all(q)  # compile the patterns once, as practice does on its first answer
    times = []
    for q in questions:
        start = time.perf_counter()
        judge_all(q)
        times.append((time.perf_counter() - start) / 40)
    start = time.perf_counter()
    for a in answers:
        normalize.__wrapped__(a)  # type: ignore[attr-defined]
    base = (time.perf_counter() - start) / len(answers)
    worst, median = max(times) * 1000, statistics.median(times) * 1000
    print(f"normalise one answer (baseline) {base * 1000:8.3f} ms")
    print(f"judge one answer, median        {median:8.3f} ms  {median / (base * 1000):6.1f}x the baseline")
    print(f"judge one answer, worst question{worst:8.3f} ms  target <= {TARGET_MS} ms: "
          f"{'met' if worst <= TARGET_MS else 'MISSED'}")
    probe = "import sys, quizzer.grading.concept; print(sorted(m for m in ('torch', 'sympy') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    print(f"heavy modules imported by the concept grader: {loaded}")


if __name__ == "__main__":
    main()
