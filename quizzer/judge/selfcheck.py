"""A task author's check: the reference passes, the starter fails, every known bug is caught and named.

`python -m quizzer.judge.selfcheck TASK...` prints one line per file and exits 1 on any problem; the test
suite runs the same check for every task. Imports the task module, hence torch: never on the CLI path.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

from quizzer.judge.grading import grade_sources, solution_path
from quizzer.judge.runner import Source
from quizzer.judge.starter import starter_text
from quizzer.judge.verdict import Verdict

# Tasks whose interviews probe many distinct mistakes need more known bugs (issue 4).
MIN_BUGS = {"attention": 4, "multi_head_attention": 4, "lora": 4, "rmsnorm": 4, "layernorm": 4, "rope": 4,
            "flash_attention": 4, "kv_cache": 4, "gqa": 4, "moe_gating": 4, "swiglu": 4}


@dataclass(frozen=True)
class Checked:
    """One graded file of the self-check and what should have happened."""

    label: str  # "reference", "starter" or the bug id
    verdict: Verdict
    hint: str | None = None  # the hint a bug must produce

    @property
    def problem(self) -> str | None:
        """What is wrong with the task's data, judging by this file."""
        v = self.verdict
        if self.label == "reference":
            bad = [f"{c.name}: {c.message}" for c in v.failed]
            return None if v.passed else "the reference fails: " + "; ".join(bad)
        if self.label == "starter":
            passing = [c.name for c in v.cases if c.passed]
            return f"the starter passes {', '.join(passing)}" if passing else None
        if v.passed:
            return "this bug passes every case (add a case that catches it)"
        if self.hint is not None and self.hint not in {c.hint for c in v.failed}:
            shown = sorted({c.hint for c in v.failed if c.hint}) or ["no hint"]
            return f"rejected, but its hint is never shown (shown instead: {' | '.join(shown)})"
        return None


def bugs(task_id: str) -> list:
    """The task's known bugs (imports the task module, hence torch)."""
    import warnings

    warnings.filterwarnings("ignore", message=".*NumPy.*")  # the CPU wheel without numpy
    return list(importlib.import_module(f"quizzer.judge.tasks.{task_id}").BUGS)


def check(task_id: str) -> list[Checked]:
    """Grade the reference, the starter and every bug variant of a task in one child process."""
    reference = solution_path(task_id).read_text(encoding="utf-8")
    known = bugs(task_id)
    labels = ["reference", "starter", *(b.id for b in known)]
    texts = [reference, starter_text(task_id), *(b.apply(reference) for b in known)]
    sources = [Source(f"{label}.py", f"/judge-selfcheck/{task_id}/{label}.py", text)
               for label, text in zip(labels, texts)]
    verdicts = grade_sources(task_id, sources)
    hints = [None, None, *(b.hint for b in known)]
    return [Checked(label, verdict, hint) for label, verdict, hint in zip(labels, verdicts, hints)]


def count_problem(task_id: str) -> str | None:
    """Too few known bugs for the task."""
    need = MIN_BUGS.get(task_id, 2)
    have = len(bugs(task_id))
    return f"{have} known bugs, at least {need} needed" if have < need else None


def main(argv: list[str]) -> int:
    """Print the check of each task named; 1 if anything is wrong."""
    failed = False
    for task_id in argv:
        problems = [p for p in [count_problem(task_id)] if p]
        for item in check(task_id):
            passed = sum(c.passed for c in item.verdict.cases)
            print(f"{task_id:22} {item.label:28} {passed:3}/{len(item.verdict.cases)} passed  "
                  f"{item.problem or 'ok'}")
            if item.problem:
                problems.append(item.problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
