"""The judge's solution corpus: tests/judge_solutions/<task>/<label>.pass.py or .fail.py, and grading it.

A file's leading `# expect KEY: VALUE` lines say what its verdict must show besides pass or fail:
`hint` (a failed case's hint contains VALUE), `message` (a failed case's message contains VALUE), `failed` /
`passed` (exactly these cases, comma-separated, failed / passed), `forbidden` (these names were reported) and,
for a passing file, `note` (a passing case's note contains VALUE, e.g. float64 accepted at float32 precision).
"""

from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from quizzer.judge.grading import grade_sources
from quizzer.judge.runner import Source
from quizzer.judge.verdict import Verdict

SOLUTIONS = Path(__file__).with_name("judge_solutions")
EXPECT = re.compile(r"^# expect (hint|message|failed|passed|forbidden|note): (.+)$")


@dataclass(frozen=True)
class Solution:
    """One file of the corpus and what its verdict must be."""

    path: Path
    task: str
    label: str
    passes: bool
    expect: tuple[tuple[str, str], ...]

    @property
    def id(self) -> str:
        """`task/label`, the test id."""
        return f"{self.task}/{self.label}"


def read(path: Path) -> Solution:
    """A corpus file with its expectations (from the leading comment lines)."""
    label, outcome = path.name.removesuffix(".py").rsplit(".", 1)
    if outcome not in ("pass", "fail"):
        raise ValueError(f"{path}: name it <label>.pass.py or <label>.fail.py")
    expect = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = EXPECT.match(line)
        if match:
            expect.append((match.group(1), match.group(2).strip()))
    if {key for key, _ in expect} - ({"note"} if outcome == "pass" else {"hint", "message", "failed", "passed",
                                                                          "forbidden"}):
        raise ValueError(f"{path}: a {outcome}ing file cannot expect {[k for k, _ in expect]}")
    return Solution(path, path.parent.name, label, outcome == "pass", tuple(expect))


def corpus() -> list[Solution]:
    """Every file of the corpus, by task and label."""
    return [read(p) for p in sorted(SOLUTIONS.glob("*/*.py"))]


def grade_all(solutions: list[Solution]) -> dict[str, Verdict]:
    """Solution id -> verdict, one child per task, two tasks at a time."""
    by_task: dict[str, list[Solution]] = defaultdict(list)
    for s in solutions:
        by_task[s.task].append(s)

    def grade(task: str) -> list[Verdict]:
        files = [Source(s.path.name, str(s.path), s.path.read_text(encoding="utf-8")) for s in by_task[task]]
        return grade_sources(task, files)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(by_task, pool.map(grade, by_task), strict=True))
    return {s.id: v for task, group in by_task.items() for s, v in zip(group, results[task], strict=True)}


def problems(solution: Solution, verdict: Verdict) -> list[str]:
    """How the verdict differs from what the file expects (empty when it agrees)."""
    failed = verdict.failed
    shown = [f"{c.name}: {c.message} | hint: {c.hint}" for c in failed]
    if solution.passes and not verdict.passed:
        return [f"should pass, failed: {shown}"]
    if solution.passes:
        notes = [c.hint or "" for c in verdict.cases if c.passed]
        return [f"no passing case notes {value!r}: {notes}" for _, value in solution.expect
                if not any(value in n for n in notes)]
    if verdict.passed:
        return ["should fail, passed every case"]
    out = []
    for key, value in solution.expect:
        if key == "hint" and not any(value in (c.hint or "") for c in failed):
            out.append(f"no failed case has the hint {value!r}: {shown}")
        elif key == "message" and not any(value in c.message for c in failed):
            out.append(f"no failed case says {value!r}: {shown}")
        elif key == "failed" and sorted(c.name for c in failed) != sorted(value.split(", ")):
            out.append(f"failed {[c.name for c in failed]}, expected {value}")
        elif key == "passed" and sorted(c.name for c in verdict.cases if c.passed) != sorted(value.split(", ")):
            out.append(f"passed {[c.name for c in verdict.cases if c.passed]}, expected {value}")
        elif key == "forbidden" and not set(value.split(", ")) <= set(verdict.forbidden):
            out.append(f"forbidden {list(verdict.forbidden)}, expected {value}")
    return out
