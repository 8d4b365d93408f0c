"""The `--json` shapes of the public CLI contract, built from domain objects (no rendering here)."""

from __future__ import annotations

from typing import Any

from quizzer.grading.check import Calculation
from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict
from quizzer.models import Catalog, Choice, Code, Concept, Formula, Numeric, Problem, Question
from quizzer.variants import answer_value


def question_summary(q: Question) -> dict[str, Any]:
    """`list --json` entry."""
    return {"id": q.id, "topic": q.topic, "kind": q.kind, "difficulty": q.difficulty, "tags": list(q.tags),
            "source": list(q.source), "prompt": q.prompt.as_dict()}


def question_answer(q: Question) -> dict[str, Any]:
    """The `answer` object of `show --json`, by kind."""
    spec = q.spec
    if isinstance(spec, Numeric):
        return {"value": answer_value(spec), "unit": spec.unit}
    if isinstance(spec, Formula):
        return {"formula": spec.formula, "variables": [v.name for v in spec.variables]}
    if isinstance(spec, Code):
        return {"task": spec.task}
    if isinstance(spec, Concept):
        return {"text": spec.answer.as_dict(),
                "key_points": [{"text": k.text.as_dict(), "evidence": list(k.evidence), "essential": k.essential}
                               for k in spec.key_points],
                "misconceptions": [{"text": m.text.as_dict(), "correction": m.correction.as_dict()}
                                   for m in spec.misconceptions]}
    assert isinstance(spec, Choice)
    return {"options": [o.as_dict() for o in spec.options], "correct": list(spec.correct)}


def question_detail(q: Question) -> dict[str, Any]:
    """`show ID --json`."""
    return question_summary(q) | {"answer": question_answer(q)}


def validation(catalog: Catalog) -> dict[str, Any]:
    """`validate --json`."""
    return {"ok": not catalog.problems, "questions": len(catalog.questions),
            "errors": [problem(p) for p in catalog.problems]}


def problem(p: Problem) -> dict[str, Any]:
    """One validation error."""
    return {"file": p.file, "line": p.line, "message": p.message}


def task_summary(info: TaskInfo) -> dict[str, Any]:
    """`tasks --json` entry."""
    return {"id": info.id, "title": info.title, "functions": list(info.functions), "source": list(info.source)}


def grade_result(v: Verdict) -> dict[str, Any]:
    """`grade --json` (built by the judge: quizzer/judge/report.py)."""
    from quizzer.judge.report import verdict_json

    return verdict_json(v)


def check_result(v: NumericVerdict | FormulaVerdict) -> dict[str, Any]:
    """`check --json` (answers.md): formula verdicts have no value, unit, expected or ratio."""
    numeric = isinstance(v, NumericVerdict)
    return {"correct": v.correct, "value": v.value if numeric else None, "unit": v.unit if numeric else None,
            "expected": v.expected if numeric else None, "ratio": v.ratio if numeric else None,
            "message": v.message, "hint": v.hint}


def calculation(c: Calculation) -> dict[str, Any]:
    """`calc --json`: the value in its base unit ('' for a plain number) and as printed."""
    return {"value": c.value, "unit": c.unit, "text": c.text}
