"""Concept questions: answered in prose, checked against key points, then rated by the candidate."""

from __future__ import annotations

from typing import Any

from quizzer.kinds.base import Graded, Params, Point, QuestionKind, Review, spec_of
from quizzer.models import Concept, Lang, Question, Rating, Text


class ConceptKind(QuestionKind):
    """Prose answers; the key points covered suggest a rating, the candidate gives the real one."""

    name = "concept"
    answer_help = Text(zh="用几句话作答，空行结束。", en="Answer in a few sentences; finish with an empty line.")
    multiline = True
    self_rated = True

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Which key points the answer covers; the verdict waits for the candidate's rating."""
        from quizzer.grading.concept import grade_concept

        verdict = grade_concept(text, spec_of(q, Concept))
        covered = verdict.covered
        score = sum(covered) / len(covered) if covered else 0.0
        return Graded("unrated", score, f"{sum(covered)}/{len(covered)} key points covered", None,
                      Rating(verdict.suggested_rating), verdict)

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
        """The reference and the key points, with those the answer covered."""
        covered: tuple[bool, ...] = getattr(detail, "covered", ())
        return Review(self.reference(q, None, lang), self.points(q, lang), covered)

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The reference text and the key points with their words."""
        spec = spec_of(q, Concept)
        return {"text": spec.answer.as_dict(),
                "key_points": [{"text": k.text.as_dict(), "words": {"zh": list(k.words_zh), "en": list(k.words_en)},
                                "essential": k.essential} for k in spec.key_points]}


KIND = ConceptKind()
