"""Concept questions: answered in prose, checked against key points, then rated by the candidate."""

from __future__ import annotations

from typing import Any

from quizzer.grading.concept import ConceptVerdict
from quizzer.kinds.base import Graded, Params, Point, QuestionKind, Review, spec_of
from quizzer.kinds.concept_llm import ConceptJudgement
from quizzer.llm.config import LlmConfig
from quizzer.messages import say
from quizzer.models import Concept, Lang, Question, Rating, Text


class ConceptKind(QuestionKind):
    """Prose answers; the key points covered suggest a rating, the candidate gives the real one."""

    name = "concept"
    answer_help = Text(zh="用几句话作答，空行结束。", en="Answer in a few sentences; finish with an empty line.")
    multiline = True
    self_rated = True

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Claims made and misconceptions asserted; the verdict waits for the candidate's rating.

        The score (what the mock counts) is the share of key points covered, halved when an essential point
        is missing and zero when the answer asserts a misconception: a fluent wrong answer earns nothing.
        """
        from quizzer.grading.concept import grade_concept

        verdict = grade_concept(text, spec_of(q, Concept))
        return Graded("unrated", concept_score(verdict), concept_message(verdict, lang), None,
                      Rating(verdict.suggested_rating), verdict, "keypoints")

    def grade_with(self, q: Question, params: Params | None, text: str, lang: Lang,
                   llm: LlmConfig | None) -> Graded:
        """With an LLM configured, its rubric judgement (the key points decide when it fails); else `grade`."""
        if llm is None:
            return self.grade(q, params, text, lang)
        from quizzer.grading.concept import grade_concept
        from quizzer.kinds.concept_llm import judge

        spec = spec_of(q, Concept)
        j = judge(q, spec, text, lang, grade_concept(text, spec), llm)
        message = concept_message(j.verdict, lang) + (f" · {j.feedback}" if j.feedback else "")
        return Graded("unrated", concept_score(j.verdict), message, None, Rating(j.verdict.suggested_rating), j,
                      j.grader)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The reference answer."""
        return spec_of(q, Concept).answer.get(lang)

    def hint(self, q: Question, lang: Lang) -> str:
        """The first key point."""
        return spec_of(q, Concept).key_points[0].text.get(lang)

    def points(self, q: Question, lang: Lang) -> tuple[Point, ...]:
        """The key points."""
        return tuple(Point(kp.text.get(lang), kp.essential) for kp in spec_of(q, Concept).key_points)

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """The reference answer, then the key points (essential ones starred)."""
        return [self.reference(q, None, lang)] + [f" {'*' if p.essential else '-'} {p.text}"
                                                  for p in self.points(q, lang)]

    def review(self, q: Question, detail: object, lang: Lang) -> Review | None:
        """The reference, the key points with those the answer covered, and any misconception it asserted."""
        covered: tuple[bool, ...] = getattr(detail, "covered", ())
        wrong: tuple[int, ...] = getattr(detail, "misconceptions", ())
        spec = spec_of(q, Concept)
        stated = tuple((spec.misconceptions[i].text.get(lang), spec.misconceptions[i].correction.get(lang))
                       for i in wrong)
        if not isinstance(detail, ConceptJudgement):
            return Review(self.reference(q, None, lang), self.points(q, lang), covered, stated)
        other = concept_message(detail.keypoints) if detail.disagree else None
        return Review(self.reference(q, None, lang), self.points(q, lang), covered,
                      stated + tuple((m, "") for m in detail.stated), detail.grader, detail.note, detail.feedback,
                      other)

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The reference text, the key points with their evidence, and the misconceptions with corrections."""
        spec = spec_of(q, Concept)
        return {"text": spec.answer.as_dict(),
                "key_points": [{"text": k.text.as_dict(), "evidence": list(k.evidence), "essential": k.essential}
                               for k in spec.key_points],
                "misconceptions": [{"text": m.text.as_dict(), "correction": m.correction.as_dict()}
                                   for m in spec.misconceptions]}


def concept_score(v: ConceptVerdict) -> float:
    """Key-point coverage, halved without an essential point, zero with a misconception."""
    if v.misconceptions:
        return 0.0
    return v.coverage / 2 if v.missing_essential else v.coverage


def concept_message(v: ConceptVerdict, lang: Lang = "en") -> str:
    """'3/5 key points covered', and what else the judgement found."""
    parts = [say(lang, "concept.covered", covered=sum(v.covered), total=len(v.covered))]
    if v.misconceptions:
        parts.append(say(lang, "concept.misconceptions", n=len(v.misconceptions)))
    elif v.missing_essential:
        parts.append(say(lang, "concept.missing_essential"))
    elif not v.focused:
        parts.append(say(lang, "concept.unfocused"))
    if v.hedged:
        parts.append(say(lang, "concept.hedged"))
    return " · ".join(parts)


KIND = ConceptKind()
