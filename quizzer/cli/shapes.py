"""The `--json` documents of the public CLI contract, each built here and only here.

Every object a command prints carries `"version": JSON_VERSION`, raised when a field changes meaning or goes
away (new fields do not raise it); arrays stay plain arrays of entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from quizzer.cli.check_view import QuestionCheck
from quizzer.grading.check import Calculation
from quizzer.grading.choice import ChoiceVerdict
from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict
from quizzer.judge.catalog import TaskInfo
from quizzer.judge.verdict import Verdict
from quizzer.kinds import kind_of
from quizzer.llm.status import LlmStatus
from quizzer.models import Catalog, Problem, Question, Summary
from quizzer.practice.days import DayCount
from quizzer.practice.personal import Fit
from quizzer.practice.stats import Accuracy, Stats
from quizzer.store.attempts import Attempt
from quizzer.store.exchange import Merged

JSON_VERSION = 1
Json = dict[str, Any]


def _document(**fields: Any) -> Json:
    """A top-level object: the version first, then the fields."""
    return {"version": JSON_VERSION, **fields}


def question_summary(q: Question | Summary) -> Json:
    """`list --json` entry."""
    return {"id": q.id, "topic": q.topic, "kind": q.kind, "difficulty": q.difficulty, "tags": list(q.tags),
            "source": list(q.source), "prompt": q.prompt.as_dict()}


def question_list(questions: Iterable[Question | Summary]) -> list[Json]:
    """`list --json`."""
    return [question_summary(q) for q in questions]


def question_detail(q: Question) -> Json:
    """`show ID --json`: the summary plus the answer in its kind's shape."""
    return _document(**question_summary(q), answer=kind_of(q).answer_json(q))


def problem(p: Problem) -> Json:
    """One validation error."""
    return {"file": p.file, "line": p.line, "message": p.message}


def validation(catalog: Catalog) -> Json:
    """`validate --json`."""
    return _document(ok=not catalog.problems, questions=len(catalog.summaries),
                     errors=[problem(p) for p in catalog.problems])


def task_list(infos: Iterable[TaskInfo], passed: Mapping[str, datetime] | None = None) -> list[Json]:
    """`tasks --json`, with when each task was last passed (null when never)."""
    passed = passed or {}
    return [{"id": i.id, "title": i.title, "functions": list(i.functions), "source": list(i.source),
             "passed_at": passed[i.id].isoformat() if i.id in passed else None} for i in infos]


def grade_result(v: Verdict) -> Json:
    """`grade --json` (its fields are built by the judge: quizzer/judge/report.py)."""
    from quizzer.judge.report import verdict_json

    return _document(**verdict_json(v))


def check_result(v: NumericVerdict | FormulaVerdict) -> Json:
    """`check --json` (answers.md): formula verdicts have no value, unit, expected or ratio."""
    if isinstance(v, NumericVerdict):
        return _document(correct=v.correct, value=v.value, unit=v.unit, expected=v.expected, ratio=v.ratio,
                         message=v.message, hint=v.hint)
    return _document(correct=v.correct, value=None, unit=None, expected=None, ratio=None, message=v.message,
                     hint=v.hint)


def question_check(c: QuestionCheck) -> Json:
    """`check --question ID --json`: the shared fields, then the kind's own (cli.md, Additions)."""
    q, graded, detail = c.question, c.graded, c.graded.detail
    head: Json = {"id": q.id, "kind": q.kind, "verdict": c.verdict, "rating": int(graded.suggested_rating)}
    if c.review is not None:
        return _document(**head,
                         key_points=[{"text": p.text, "covered": hit}
                                     for p, hit in zip(c.review.points, c.review.covered, strict=True)],
                         misconceptions=[{"text": t, "correction": fix} for t, fix in c.review.misconceptions],
                         grader=c.grader, message=graded.message,
                         **({"note": c.review.note} if c.review.note else {}))
    head |= {"grader": c.grader, "message": graded.message, "hint": graded.hint}
    if isinstance(detail, NumericVerdict):
        return _document(**head, value=detail.value, unit=detail.unit, expected=detail.expected, ratio=detail.ratio)
    if isinstance(detail, ChoiceVerdict):
        return _document(**head, picked=list(detail.picked), expected=kind_of(q).answer_json(q)["correct"])
    if isinstance(detail, Verdict):
        return _document(**head, **{k: v for k, v in grade_result(detail).items() if k != "version"})
    return _document(**head, expected=kind_of(q).reference(q, None, c.lang))


def calculation(c: Calculation) -> Json:
    """`calc --json`: the value in its base unit ('' for a plain number) and as printed."""
    return _document(value=c.value, unit=c.unit, text=c.text, note=c.note)


def _accuracy(items: Iterable[Accuracy]) -> list[Json]:
    return [{"name": a.name, "answered": a.answered, "right": a.right, "accuracy": round(a.rate, 4)} for a in items]


def stats(s: Stats, heat: Sequence[DayCount] = (), due: Sequence[DayCount] = ()) -> Json:
    """`stats --json`, with reviews per local day (heatmap) and reviews due per day ahead (forecast)."""
    c = s.calibration
    return _document(answered=s.answered, right=s.right, skipped=s.skipped, unrated=s.unrated,
                     accuracy=round(s.right / s.answered, 4) if s.answered else None,
                     by_topic=_accuracy(s.by_topic), by_kind=_accuracy(s.by_kind), streak_days=s.streak_days,
                     due_today=s.due_today, due_next_7_days=s.due_week, weakest_topics=_accuracy(s.weakest),
                     calibration={"rated": c.rated, "overrated": c.overrated, "underrated": c.underrated,
                                  "mean_coverage_by_rating": {str(int(k)): round(v, 4)
                                                              for k, v in c.mean_coverage_by_rating.items()}},
                     heatmap=[{"date": d.day.isoformat(), "reviews": d.count} for d in heat],
                     forecast=[{"date": d.day.isoformat(), "due": d.count} for d in due])


def llm_status(s: LlmStatus) -> Json:
    """`llm status --json`: the settings (the key only by where it came from) and the probe's result."""
    c = s.config
    return _document(configured=c is not None, base_url=c.base_url if c else None, model=c.model if c else None,
                     api_key=c.key_source if c else None, timeout=c.timeout if c else None, missing=list(s.missing),
                     client_installed=s.client_installed, answers=s.answers, seconds=s.seconds, reason=s.reason)


def history(attempts: Iterable[Attempt]) -> list[Json]:
    """`history --json`: the attempts, newest first."""
    return [{"id": a.id, "question_id": a.question_id, "topic": a.topic, "kind": a.kind,
             "params": dict(a.params) if a.params else None, "answer": a.answer, "verdict": a.verdict,
             "score": a.score, "rating": None if a.rating is None else int(a.rating), "seconds": a.seconds,
             "mode": a.mode, "session_id": a.session_id, "answered_at": a.answered_at.isoformat(), "undone": a.undone,
             "grader": a.grader}
            for a in attempts]


def merged(m: Merged) -> Json:
    """`import --json`: what the merge added, updated and found already there."""
    return _document(path=str(m.path), attempts_added=m.attempts_added, attempts_known=m.attempts_known,
                     cards_added=m.cards_added, cards_updated=m.cards_updated, cards_kept=m.cards_kept,
                     mocks_added=m.mocks_added, mocks_known=m.mocks_known)


def fit(f: Fit) -> Json:
    """`optimize --json`: the fitted parameters, the reviews they came from and both forgetting curves."""
    return _document(parameters=list(f.parameters), reviews=f.reviews, total_reviews=f.total_reviews,
                     log_loss={"default": round(f.log_loss_default, 6), "personal": round(f.log_loss_personal, 6)},
                     recall_after_good=[{"days": p.days, "default": round(p.default, 4),
                                         "personal": round(p.personal, 4)} for p in f.curve],
                     by_interval=[{"from_days": b.low, "to_days": b.high, "reviews": b.reviews,
                                   "observed": round(b.observed, 4), "default": round(b.default, 4),
                                   "personal": round(b.personal, 4)} for b in f.intervals])
