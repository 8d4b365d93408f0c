"""The judge's solution corpus: tests/judge_solutions/<task>/<label>.pass.py or .fail.py, and grading it.

A file's leading `# expect KEY: VALUE` lines say what its verdict must show besides pass or fail:
`hint` (the diagnosis or a failed case's own hint contains VALUE, in any step), `diagnosis` (the known bug
named, by id, or `none`), `message` (a failed case's message contains VALUE), `failed` / `passed` (exactly
these cases, comma-separated, failed / passed; extra cases included), `forbidden` (these names were reported),
`shown` / `absent` (the report with every hint revealed contains / does not contain VALUE: pins hints that must
not fire for the wrong reason) and, for a passing file, `note` (a passing case's note contains VALUE) and
`extra-failed` (exactly these extra cases failed, or `none`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from quizzer.judge.grading import grade_sources
from quizzer.judge.report import MAX_LEVEL, verdict_lines
from quizzer.judge.runner import Source
from quizzer.judge.verdict import Verdict

SOLUTIONS = Path(__file__).with_name("judge_solutions")
EXPECT = re.compile(r"^# expect (hint|diagnosis|message|failed|passed|forbidden|shown|absent|note|extra-failed): "
                    r"(.+)$")
FAILING_KEYS = {"hint", "diagnosis", "message", "failed", "passed", "forbidden", "shown", "absent"}
PASSING_KEYS = {"note", "extra-failed", "shown", "absent", "diagnosis"}


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
    if {key for key, _ in expect} - (PASSING_KEYS if outcome == "pass" else FAILING_KEYS):
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


def report_text(verdict: Verdict) -> str:
    """The report a person sees with every hint revealed (`--hints --hints`)."""
    return "\n".join(line.text for line in verdict_lines(verdict, MAX_LEVEL))


def problems(solution: Solution, verdict: Verdict) -> list[str]:
    """How the verdict differs from what the file expects (empty when it agrees)."""
    failed = verdict.failed
    shown = [f"{c.name}: {c.message} | hint: {c.hint.text if c.hint else None}" for c in failed]
    diagnosis = verdict.diagnosis.bug if verdict.diagnosis else "none"
    text = report_text(verdict)
    out = []
    for key, value in solution.expect:
        if key == "shown" and value not in text:
            out.append(f"the report does not say {value!r}:\n{text}")
        elif key == "absent" and value in text:
            out.append(f"the report says {value!r}, which it must not:\n{text}")
        elif key == "diagnosis" and diagnosis != value:
            out.append(f"diagnosed {diagnosis}, expected {value}: {shown}")
    if solution.passes and not verdict.passed:
        return out + [f"should pass, failed: {shown}"]
    if solution.passes:
        notes = [c.note or "" for c in verdict.cases if c.passed]
        extra_failed = ", ".join(c.name for c in verdict.extras if not c.passed) or "none"
        for key, value in solution.expect:
            if key == "note" and not any(value in n for n in notes):
                out.append(f"no passing case notes {value!r}: {notes}")
            elif key == "extra-failed" and extra_failed != value:
                out.append(f"extra cases failed: {extra_failed}, expected {value}")
        return out
    if verdict.passed:
        return out + ["should fail, passed every case"]
    hints = [c.hint.text for c in failed if c.hint] + ([verdict.diagnosis.hint.text] if verdict.diagnosis else [])
    for key, value in solution.expect:
        if key == "hint" and not any(value in h for h in hints):
            out.append(f"neither the diagnosis nor a failed case has the hint {value!r}: {shown} | diagnosis: "
                       f"{diagnosis}")
        elif key == "message" and not any(value in c.message for c in failed):
            out.append(f"no failed case says {value!r}: {shown}")
        elif key == "failed" and sorted(c.name for c in failed) != sorted(value.split(", ")):
            out.append(f"failed {[c.name for c in failed]}, expected {value}")
        elif key == "passed" and sorted(c.name for c in verdict.cases if c.passed) != sorted(value.split(", ")):
            out.append(f"passed {[c.name for c in verdict.cases if c.passed]}, expected {value}")
        elif key == "forbidden" and not set(value.split(", ")) <= set(verdict.forbidden):
            out.append(f"forbidden {list(verdict.forbidden)}, expected {value}")
    return out
