"""One follow-up question after a concept answer the LLM judged: asked, answered, graded by the LLM."""

from __future__ import annotations

from dataclasses import dataclass

from quizzer.kinds.base import spec_of
from quizzer.kinds.concept_llm import ConceptJudgement, rubric_of
from quizzer.llm.config import LlmConfig
from quizzer.models import Concept, Lang, Rating, in_lang
from quizzer.practice.session import Outcome

MIN_SECONDS = 20.0  # a mock follow-up needs at least this much of the question's budget left


@dataclass(frozen=True)
class FollowUp:
    """The exchange: the interviewer's question, the reply, and the LLM's rating (None when it could not grade)."""

    question: str
    answer: str
    rating: Rating | None = None
    feedback: str = ""
    note: str | None = None  # why the reply was not graded

    @property
    def summary(self) -> str:
        """'Good: feedback', or why it was not graded."""
        if self.rating is None:
            return self.note or "not answered"
        return f"{self.rating.label}" + (f": {self.feedback}" if self.feedback else "")


def question_for(outcome: Outcome, config: LlmConfig | None, lang: Lang) -> str | None:
    """The follow-up the LLM asked in its judgement, else a second request; None without an LLM judgement."""
    detail = outcome.detail
    if config is None or not isinstance(detail, ConceptJudgement) or detail.grader != "llm":
        return None
    if detail.follow_up:
        return detail.follow_up
    from quizzer.llm.grader import follow_up

    q = outcome.asked.question
    return follow_up(config, rubric_of(q, spec_of(q, Concept), lang), outcome.answer)


def grade_reply(outcome: Outcome, question: str, reply: str, config: LlmConfig, lang: Lang) -> FollowUp:
    """The LLM's rating of the reply; an empty reply or a failed request is kept ungraded with the reason."""
    if not reply.strip():
        return FollowUp(question, "", None, note=in_lang(lang, "no answer", "未作答"))
    from quizzer.llm.grader import grade_follow_up

    q = outcome.asked.question
    result = grade_follow_up(config, rubric_of(q, spec_of(q, Concept), lang), question, reply)
    if result.judgement is None:
        reason = result.reason.get(lang) if result.reason else ""
        return FollowUp(question, reply, None, note=in_lang(lang, f"not graded: {reason}", f"未评分：{reason}"))
    return FollowUp(question, reply, Rating(result.judgement.rating), result.judgement.feedback)
