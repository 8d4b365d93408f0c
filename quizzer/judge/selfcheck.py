"""A task author's check: the folders are complete, the reference passes, the starter fails, every known bug is
caught and named.

`python -m quizzer.judge.selfcheck [TASK...]` (every task when none is named) prints one line per problem or
graded file and exits 1 on any problem; the test suite runs the same checks. Grading imports the task's
cases, hence torch: never on the CLI path.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizzer.errors import QuizzerError
from quizzer.judge import catalog
from quizzer.judge.grading import grade_sources, solution_path
from quizzer.judge.runner import Source
from quizzer.judge.starter import starter_text
from quizzer.judge.verdict import Verdict
from quizzer.resources import solutions_dir

if TYPE_CHECKING:
    from quizzer.judge.spec import Bug

# What else may sit next to the task files: Python's bytecode cache.
IGNORED = frozenset({"__pycache__"})


@dataclass(frozen=True)
class Checked:
    """One graded file of the self-check and what should have happened."""

    label: str  # "reference", "starter" or the bug id
    verdict: Verdict
    hinted: bool = False  # a known bug with a hint: the diagnosis must name it

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
        if not v.failed:
            return "this bug passes every case (add a case that catches it)"
        if self.hinted and (v.diagnosis is None or v.diagnosis.bug != self.label):
            shown = v.diagnosis.bug if v.diagnosis else "no diagnosis"
            return f"rejected, but it is never diagnosed as itself (diagnosed: {shown})"
        return None


def folder_problems(folder: Path, solutions: Path | None = None) -> list[str]:
    """What is wrong with one task folder: missing or stray files, an unreadable task.yaml, no solution."""
    if not folder.is_dir():
        return [f"{folder}: no such task folder"]
    names = {p.name for p in folder.iterdir()} - IGNORED
    problems = [f"{folder}: missing {name}" for name in catalog.TASK_FILES if name not in names]
    problems += [f"{folder}: stray file {name} (a task folder holds {', '.join(catalog.TASK_FILES)})"
                 for name in sorted(names - set(catalog.TASK_FILES))]
    if "task.yaml" in names:
        try:
            catalog.read_info(folder)
        except QuizzerError as exc:
            problems.append(exc.message)
    solution = (solutions or solutions_dir()) / f"{folder.name}.py"
    if not solution.is_file():
        problems.append(f"{folder}: no reference solution {solution}")
    return problems


def layout_problems(root: Path = catalog.TASKS_DIR, solutions: Path | None = None) -> list[str]:
    """Every folder's problems, plus stray entries beside the folders and solutions without a task."""
    solutions = solutions or solutions_dir()
    entries = sorted(p for p in root.iterdir() if p.name not in IGNORED | {"__init__.py"})
    problems = [f"{p}: stray file (tasks/ holds one folder per task)" for p in entries if not p.is_dir()]
    for folder in (p for p in entries if p.is_dir()):
        problems += folder_problems(folder, solutions)
    tasks = {p.name for p in entries if p.is_dir()}
    problems += [f"{p}: a solution without a task folder" for p in sorted(solutions.glob("*.py"))
                 if p.stem not in tasks]
    return problems


def bugs(task_id: str) -> list[Bug]:
    """The task's known bugs (imports its cases, hence torch)."""
    warnings.filterwarnings("ignore", message=".*NumPy.*")  # the CPU wheel without numpy
    return list(importlib.import_module(f"quizzer.judge.tasks.{task_id}.cases").BUGS)


def check(task_id: str) -> list[Checked]:
    """Grade the reference, the starter and every bug variant of a task in one child process."""
    reference = solution_path(task_id).read_text(encoding="utf-8")
    known = bugs(task_id)
    labels = ["reference", "starter", *(b.id for b in known)]
    texts = [reference, starter_text(task_id), *(b.apply(reference) for b in known)]
    sources = [Source(f"{label}.py", f"/judge-selfcheck/{task_id}/{label}.py", text)
               for label, text in zip(labels, texts, strict=True)]
    verdicts = grade_sources(task_id, sources)
    hinted = [False, False, *(b.hint is not None for b in known)]
    return [Checked(label, verdict, h) for label, verdict, h in zip(labels, verdicts, hinted, strict=True)]


def count_problem(task_id: str) -> str | None:
    """Fewer known bugs than the task's task.yaml demands (min_bugs)."""
    need = catalog.tasks()[task_id].min_bugs
    have = len(bugs(task_id))
    return f"{have} known bugs, at least {need} needed" if have < need else None


def main(argv: list[str]) -> int:
    """Print the check of each task named (every task if none); 1 if anything is wrong."""
    problems = layout_problems()
    for problem in problems:
        print(f"layout  {problem}")
    for task_id in argv or list(catalog.tasks()):
        count = count_problem(task_id)
        if count:
            print(f"{task_id:22} {count}")
        found = [count] if count else []
        for item in check(task_id):
            passed = sum(c.passed for c in item.verdict.cases)
            print(f"{task_id:22} {item.label:28} {passed:3}/{len(item.verdict.cases)} passed  "
                  f"{item.problem or 'ok'}")
            found += [item.problem] if item.problem else []
        problems += found
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
