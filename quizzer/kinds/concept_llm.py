"""A concept answer judged by the LLM's rubric, with the key-point judgement kept beside it as a fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizzer.grading.concept import ConceptVerdict
from quizzer.llm.config import LlmConfig
from quizzer.llm.rubric import Judgement, Rubric
from quizzer.models import Concept, Lang, Question, Rating, in_lang


@dataclass(frozen=True)
class ConceptJudgement:
    """The verdict that counts, the key-point one beside it, and which grader gave the first."""

    verdict: ConceptVerdict
    keypoints: ConceptVerdict
    grader: str  # keypoints | llm
    note: str | None = None  # why the LLM's judgement was not used
    feedback: str = ""
    evidence: tuple[str, ...] = ()
    stated: tuple[str, ...] = ()  # misconceptions the LLM named that the bank does not list
    follow_up: str | None = None

    @property
    def covered(self) -> tuple[bool, ...]:
        """Key points covered, by the grader that counts."""
        return self.verdict.covered

    @property
    def misconceptions(self) -> tuple[int, ...]:
        """The bank's misconceptions asserted, by the grader that counts."""
        return self.verdict.misconceptions

    @property
    def disagree(self) -> bool:
        """LLM Good though a misconception matched, or LLM Again though the key points say Good."""
        if self.grader != "llm":
            return False
        llm, kp = self.verdict.suggested_rating, self.keypoints.suggested_rating
        return (llm == Rating.GOOD and bool(self.keypoints.misconceptions)) or (llm == Rating.AGAIN
                                                                               and kp == Rating.GOOD)


def rubric_of(q: Question, spec: Concept, lang: Lang) -> Rubric:
    """The question, reference, key points and misconceptions in the question's language."""
    return Rubric(q.prompt.get(lang), spec.answer.get(lang), tuple(k.text.get(lang) for k in spec.key_points),
                  tuple(m.text.get(lang) for m in spec.misconceptions), lang)


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _match(stated: str, listed: tuple[str, ...]) -> int | None:
    """Which listed misconception the LLM named: by number ('2', 'M2') or by its text."""
    number = re.fullmatch(r"\s*[mM#]?(\d+)\s*", stated)
    if number and 1 <= int(number.group(1)) <= len(listed):
        return int(number.group(1)) - 1
    plain = _plain(stated)
    for i, text in enumerate(listed):
        mine = _plain(text)
        if plain and mine and (plain == mine or mine in plain or plain in mine):
            return i
    return None


def from_llm(j: Judgement, spec: Concept, rubric: Rubric, keypoints: ConceptVerdict) -> ConceptJudgement:
    """The LLM's judgement as a concept verdict (the bank's misconceptions matched to their corrections)."""
    matched = [_match(m, rubric.misconceptions) for m in j.misconceptions]
    wrong = tuple(sorted({i for i in matched if i is not None}))
    stated = tuple(m for m, i in zip(j.misconceptions, matched, strict=True) if i is None)
    coverage = sum(j.covered) / len(j.covered) if j.covered else 0.0
    missing = any(k.essential and not hit for k, hit in zip(spec.key_points, j.covered, strict=True))
    verdict = ConceptVerdict(j.covered, coverage, missing, Rating(j.rating), wrong)
    return ConceptJudgement(verdict, keypoints, "llm", None, j.feedback, j.evidence, stated, j.follow_up)


def judge(q: Question, spec: Concept, text: str, lang: Lang, keypoints: ConceptVerdict,
          config: LlmConfig) -> ConceptJudgement:
    """Ask the LLM; any failure keeps the key-point verdict with a one-line note saying why."""
    from quizzer.llm.grader import grade

    rubric = rubric_of(q, spec, lang)
    result = grade(config, rubric, text)
    if result.judgement is None:
        reason = result.reason.get(lang) if result.reason else ""
        note = in_lang(lang, f"LLM grading unavailable: {reason}; judged by key points",
                       f"LLM 评分不可用：{reason}；改用要点评分")
        return ConceptJudgement(keypoints, keypoints, "keypoints", note)
    return from_llm(result.judgement, spec, rubric, keypoints)
