"""Grading many alternative solutions per task in one child each, shared by the per-group task suites."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from quizzer.judge.grading import grade_sources
from quizzer.judge.runner import Source
from quizzer.judge.verdict import Verdict


def grade_runs(runs: dict[str, list[tuple[str, str]]], group: str) -> dict[tuple[str, str], Verdict]:
    """(task, label) -> verdict for every labelled file text, one child per task, two tasks at a time."""
    def grade(task: str) -> list[Verdict]:
        files = [Source(f"{label}.py", f"/{group}/{task}/{label}.py", f"# quizzer: task={task}\n{text}")
                 for label, text in runs[task]]
        return grade_sources(task, files)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(runs, pool.map(grade, runs)))
    return {(task, label): v for task, labelled in runs.items() for (label, _), v in zip(labelled, results[task])}
