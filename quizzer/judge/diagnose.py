"""Diagnosis first: which known bug the file behaves like, and which case hints are about the failure at hand.

A known bug is named when the file's outputs equal that bug's outputs on every case where both could be
compared, and it explains at least one failure: it is then said once, for the whole file. A case's own hint is
shown only when the case failed the way the hint is about (`hint_on`), the cases it builds on passed
(`hint_after`, by default the visible examples), and no diagnosis already accounts for the failure. Otherwise
the measured difference stands alone: a hint that fires for the wrong reason misleads more than no hint.
"""

from __future__ import annotations

from dataclasses import replace

from quizzer.judge.compare import find_mismatch, matches
from quizzer.judge.messages import CaseInfo, HintText, Result
from quizzer.judge.verdict import CaseResult, Diagnosis, Ladder

# Failures where the output was read and compared (a known bug's output can only explain these).
COMPARED = frozenset({"values", "nonfinite", "shape", "dtype", "type", "device"})
# The failures each `hint_on` is about.
ABOUT = {"values": frozenset({"values", "nonfinite"}), "nonfinite": frozenset({"nonfinite"}),
         "error": frozenset({"error"})}


def diagnose(infos: list[CaseInfo], results: dict[str, Result], judged: list[CaseResult],
             hints: dict[str, HintText]) -> Diagnosis | None:
    """The first known bug (in the task's order) that the file matches on every comparable case, if any."""
    status = {c.name: c for c in judged}
    failing = {c.name for c in judged if not c.passed and c.failure in COMPARED}
    if not failing:
        return None
    # Failing cases first: a bug the file does not have is usually contradicted there at once.
    order = sorted(infos, key=lambda e: e.name not in failing)
    for bug_id, hint in hints.items():
        explained = _explains(bug_id, order, results, status, failing)
        if explained:
            ordered = tuple(e.name for e in infos if e.name in explained)
            extra_only = all(status[name].extra for name in ordered)
            return Diagnosis(bug_id, Ladder(hint.name, hint.why, hint.fix), ordered, extra_only)
    return None


def _explains(bug_id: str, infos: list[CaseInfo], results: dict[str, Result], status: dict[str, CaseResult],
              failing: set[str]) -> set[str]:
    """The failing cases the bug accounts for; empty when some comparable case contradicts it."""
    explained: set[str] = set()
    for exp in infos:
        variant = exp.bugs.get(bug_id)
        res = results.get(exp.name)
        case = status.get(exp.name)
        if variant is None or res is None or res.output is None or res.error is not None or case is None:
            continue  # the bug crashed or was not run here, or the file raised: nothing to compare
        if case.passed and find_mismatch(exp.expected, variant, exp.rtol, exp.atol, strict=exp.strict) is None:
            continue  # both right on this case
        if matches(variant, res.output, exp.rtol, exp.atol, exp.strict):
            if exp.name in failing:
                explained.add(exp.name)
        elif not matches(variant, res.output, exp.rtol, exp.atol, exp.strict, wildcard=True):
            return set()
        # Equal only where the bug's output is defined: consistent with it, but no evidence for it.
    return explained


def with_hints(infos: list[CaseInfo], judged: list[CaseResult], diagnosis: Diagnosis | None) -> list[CaseResult]:
    """The results with each case's own hint where it applies, and the diagnosed failures marked."""
    by_name = {c.name: c for c in judged}
    info = {e.name: e for e in infos}
    visible = [e.name for e in infos if not e.hidden and not e.extra]
    explained = set(diagnosis.cases) if diagnosis else set()
    out = []
    for case in judged:
        exp = info.get(case.name)
        if case.passed or exp is None:
            out.append(case)
        elif case.name in explained:
            out.append(replace(case, explained=True))
        elif exp.hint is not None and applies(exp, case, by_name, visible):
            out.append(replace(case, hint=Ladder(exp.hint.name, exp.hint.why, exp.hint.fix)))
        else:
            out.append(case)
    return out


def applies(exp: CaseInfo, case: CaseResult, by_name: dict[str, CaseResult], visible: list[str]) -> bool:
    """The case failed the way its hint is about, after the cases the hint builds on passed."""
    if exp.hint_on != "any" and case.failure not in ABOUT.get(exp.hint_on, frozenset()):
        return False
    after = exp.hint_after if exp.hint_after is not None else visible
    return all(name in by_name and by_name[name].passed for name in after if name != exp.name)
