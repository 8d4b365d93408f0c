"""A verdict as lines for people (styled by quizzer/cli/judge_view.py) and as the `grade --json` object.

The hint ladder: by default a failing case shows what failed (the measured difference, in the task's terms)
and the diagnosis is named once; `--hints` (level 1) adds each explanation, `--hints --hints` (level 2) the fix.
Practice's `:hint` climbs the same ladder one step at a time (`hint_lines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizzer.judge.verdict import CaseResult, Diagnosis, Ladder, Verdict

MAX_LEVEL = 2
PASSING_LINES = 5  # a passing case's prints are context, not the point
LEVEL_LABEL = {1: "hint", 2: "fix"}


@dataclass(frozen=True)
class Line:
    """One printed line: its style (plain, pass, fail, dim, hint, title, verdict_pass, verdict_fail) and text."""

    style: str
    text: str
    indent: int = 0
    mark: str = ""  # "pass" or "fail": a case line's check mark


def verdict_lines(v: Verdict, level: int = 0) -> list[Line]:
    """Every line of `quizzer grade`'s report at hint `level` (0, 1 or 2)."""
    lines = [Line("title", f"{v.file} · task {v.task} · {v.device}")]
    if v.diagnosis is not None:
        lines += _diagnosis(v.diagnosis, level)
    if v.output.strip():
        lines.append(Line("dim", "your file printed while being imported:", 2))
        lines += [Line("dim", text, 4) for text in v.output.rstrip().splitlines()[:40]]
    width = max(len(c.name) for c in v.cases)
    lines += _group(v.core, width, level)
    if v.extras:
        lines.append(Line("dim", "extra cases (beyond a standard answer: shown, never decide the verdict):", 2))
        lines += _group(v.extras, width, level)
    if v.forbidden:
        lines.append(Line("fail", "forbidden APIs used: " + ", ".join(v.forbidden)))
    lines.append(_summary(v))
    more = _more_help(v, level)
    if more:
        lines.append(Line("dim", more))
    return lines


def hint_lines(v: Verdict, level: int) -> list[Line]:
    """Only the hints at `level`: what practice's `:hint` prints after a grade (empty when there are none)."""
    lines = _diagnosis(v.diagnosis, level) if v.diagnosis is not None else []
    for c in v.failed:
        if c.hint is not None and level >= 1:
            lines.append(Line("plain", f"{c.name}:", 2))
            lines += _ladder(c.hint, level, 4)
    return lines


class HintLadder:
    """The last verdict of a task and how far up its hint ladder the user has asked (practice's `:hint`)."""

    def __init__(self) -> None:
        self.verdict: Verdict | None = None
        self.level = 0

    def reset(self, verdict: Verdict) -> None:
        """A new grade: its hints start hidden again."""
        self.verdict, self.level = verdict, 0

    def next(self) -> list[Line]:
        """The hints one step further up (empty when there is no failed grade or nothing more to say)."""
        if self.verdict is None or self.verdict.passed or self.level >= max_level(self.verdict):
            return []
        self.level += 1
        return hint_lines(self.verdict, self.level)


def max_level(v: Verdict) -> int:
    """The highest level at which a hint of this verdict still reveals something."""
    ladders = [v.diagnosis.hint] if v.diagnosis is not None else []
    ladders += [c.hint for c in v.failed if c.hint is not None]
    return max((len(h.steps()) for h in ladders), default=0)


def _diagnosis(d: Diagnosis, level: int) -> list[Line]:
    name = d.hint.name or "a known bug"
    where = _case_list(d.cases)
    scope = "extra cases " if d.extra_only else ""
    lines = [Line("hint", f"diagnosis: your output {name} ({scope}{where})")]
    return lines + _ladder(Ladder(None, d.hint.why, d.hint.fix), level, 2)


def _ladder(h: Ladder, level: int, indent: int) -> list[Line]:
    """The steps of a hint up to `level`: the explanation, then the fix."""
    return [Line("hint", f"{LEVEL_LABEL[i + 1]}: {text}", indent) for i, text in enumerate(h.steps()[:level])]


def _case_list(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return f"case {names[0]}"
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    return f"{len(names)} failing cases: {shown}"


def _group(cases: tuple[CaseResult, ...], width: int, level: int) -> list[Line]:
    """Failing cases first (with what they printed), then the passing ones."""
    lines: list[Line] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for c in sorted(cases, key=lambda c: c.passed):
        lines.append(Line("plain", f"{c.name.ljust(width)}  {c.label}".rstrip(), 2, "pass" if c.passed else "fail"))
        if c.passed:
            if c.note:
                lines.append(Line("dim", f"note: {c.note}", 6))
            lines += _printed(c)
            continue
        if (c.message, c.trace) == previous and c.hint is None and not c.printed:
            lines.append(Line("dim", "(same as above)", 6))
            continue
        previous = (c.message, c.trace)
        lines.append(Line("plain", c.message, 6))
        lines += [Line("dim", t, 6) for t in c.trace]
        if c.hint is not None:
            lines += _ladder(c.hint, level, 6)
        lines += _printed(c)
    return lines


def _printed(c: CaseResult) -> list[Line]:
    """What the case printed: up to 40 lines under a failing case, 5 under a passing one."""
    if not c.printed:
        return []
    shown = c.printed if not c.passed else c.printed[:PASSING_LINES]
    more = c.printed_more + len(c.printed) - len(shown)
    note = f" ({more} more line{'s' if more != 1 else ''} not shown)" if more else ""
    return [Line("dim", f"printed{note}:", 6)] + [Line("dim", t, 8) for t in shown]


def _summary(v: Verdict) -> Line:
    core = v.core
    passed = sum(c.passed for c in core)
    extra = ""
    if v.extras:
        extra = f" · extra: {sum(c.passed for c in v.extras)} of {len(v.extras)} passed"
    if v.passed:
        return Line("verdict_pass", f"PASS all {passed} cases ({v.seconds:.1f} s){extra}")
    return Line("verdict_fail", f"FAIL {passed} of {len(core)} cases passed ({v.seconds:.1f} s){extra}")


def _more_help(v: Verdict, level: int) -> str | None:
    """What the next step of the ladder would add, if anything."""
    if level >= max_level(v):
        return None
    waiting = sum(1 for c in v.failed if c.hint is not None and len(c.hint.steps()) > level)
    waiting += v.diagnosis is not None and len(v.diagnosis.hint.steps()) > level
    flag, what = ("--hints", "the explanation") if level == 0 else ("--hints --hints", "the fix")
    return f"{waiting} hint{'s' if waiting != 1 else ''} can say more: grade again with {flag} for {what}"


def verdict_json(v: Verdict) -> dict[str, Any]:
    """`grade --json`: a case's message carries the candidate's traceback lines; hints in full (all steps)."""
    d = v.diagnosis
    return {"task": v.task, "passed": v.passed,
            "cases": [{"name": c.name, "passed": c.passed, "message": "\n".join((c.message, *c.trace)),
                       "hint": c.hint.text if c.hint else None, "extra": c.extra, "diagnosed": c.explained,
                       "output": list(c.printed), "output_more": c.printed_more} for c in v.cases],
            "diagnosis": None if d is None else {"bug": d.bug, "name": d.hint.name, "why": d.hint.why,
                                                 "fix": d.hint.fix, "cases": list(d.cases)},
            "forbidden": list(v.forbidden), "seconds": round(v.seconds, 3)}
