"""Scoring a finished mock: per item, per section, overall, time against budget, what to study next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizzer.kinds.base import Review
from quizzer.mock.plan import MockPlan, PlanItem
from quizzer.models import Rating
from quizzer.practice.followup import FollowUp

# The shape of a strong spoken answer, shown on every scorecard with concept questions.
ANSWER_STRUCTURE = "definition → principle → pros/cons → applications"


def mmss(seconds: float) -> str:
    """`m:ss`, never negative."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True)
class ItemResult:
    """What happened to one planned question."""

    item: PlanItem
    status: str  # answered | skipped | timed-out | quit (on screen when the mock ended early) | not-reached
    score: float  # 0..1: correct / key-point coverage / share of judge cases passed
    seconds: float
    answer: str = ""
    verdict: str = ""  # correct | wrong | unrated | ""
    self_rating: Rating | None = None
    feedback: str = ""  # grader message, judge summary
    prompt: str = ""  # the question as asked (variant filled in); empty when not reached
    reference: str = ""  # the right answer as asked
    review: Review | None = None  # a self-rated answer's key points, covered or missed, and misconceptions
    follow_up: FollowUp | None = None  # the LLM interviewer's follow-up question and how the reply was judged


@dataclass(frozen=True)
class SectionScore:
    """Mean score of a section's questions."""

    name: str
    score: float
    answered: int
    total: int


@dataclass(frozen=True)
class Scorecard:
    """The whole result."""

    plan: MockPlan
    results: tuple[ItemResult, ...]
    sections: tuple[SectionScore, ...]
    overall: float
    seconds_used: float
    study_next: tuple[str, ...]
    interrupted: bool = False


def score(plan: MockPlan, results: Sequence[ItemResult], seconds_used: float, interrupted: bool = False) -> Scorecard:
    """Section scores are plain means; the overall score weights each question by its time budget."""
    sections = []
    for name in plan.sections:
        mine = [r for r in results if r.item.section == name]
        sections.append(SectionScore(name, sum(r.score for r in mine) / len(mine) if mine else 0.0,
                                     sum(1 for r in mine if r.status == "answered"), len(mine)))
    budget = sum(r.item.budget for r in results) or 1.0
    overall = sum(r.score * r.item.budget for r in results) / budget
    weak: dict[str, float] = {}
    for r in results:
        # Unreached questions, and the one on screen when the candidate ended early, say nothing about what
        # the candidate knows.
        if r.score < 0.6 and r.status not in ("not-reached", "quit"):
            topic = r.item.question.topic
            weak[topic] = min(weak.get(topic, 1.0), r.score)
    study = tuple(t for t, _ in sorted(weak.items(), key=lambda kv: kv[1]))
    return Scorecard(plan, tuple(results), tuple(sections), overall, seconds_used, study, interrupted)
