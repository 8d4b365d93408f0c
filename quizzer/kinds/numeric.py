"""Numeric questions: a back-of-envelope estimate, drawn as a variant and graded by value and unit."""

from __future__ import annotations

import random
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, UnreadableAnswer, spec_of
from quizzer.models import Lang, Numeric, Question, Rating, Text
from quizzer.variants import answer_value, display_answer, draw_params, fill


class NumericKind(QuestionKind):
    """Answers with units, within a tolerance of the value the formula gives for the drawn parameters."""

    name = "numeric"
    answer_help = Text(zh="一行作答，带单位（如 18 GB、39 天）。",
                       en="One line, with units (e.g. 18 GB, 3.2e23 FLOP, 39 days).")

    def draw(self, q: Question, rng: random.Random) -> Params | None:
        """The defaults with every `vary` parameter drawn."""
        return draw_params(spec_of(q, Numeric), rng)

    def prompt(self, q: Question, lang: Lang, params: Params | None = None) -> str:
        """The prompt with the parameters filled in."""
        return fill(q.prompt.get(lang), self._params(q, params))

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Right when the value is within tolerance; an answer without a readable quantity is asked again."""
        from quizzer.grading.numeric import grade_numeric

        try:
            verdict = grade_numeric(text, spec_of(q, Numeric), self._params(q, params), lang)
        except QuizzerError as exc:
            raise UnreadableAnswer(exc.message) from None
        if not verdict.readable:
            raise UnreadableAnswer(verdict.message)
        return Graded("correct" if verdict.correct else "wrong", 1.0 if verdict.correct else 0.0, verdict.message,
                      verdict.hint, Rating.implied(verdict.correct), verdict)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The value in the question's display unit."""
        return display_answer(spec_of(q, Numeric), params)

    def explanation(self, q: Question, lang: Lang, params: Params | None = None) -> str | None:
        """The worked explanation with this variant's numbers and answer."""
        if q.explanation is None:
            return None
        params = self._params(q, params)
        return fill(q.explanation.get(lang), params, display_answer(spec_of(q, Numeric), params))

    def hint(self, q: Question, lang: Lang) -> str:
        """The formula the answer comes from."""
        return "formula: " + spec_of(q, Numeric).formula

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """The value for the default parameters, and its formula."""
        spec = spec_of(q, Numeric)
        return [display_answer(spec) + f"   (formula: {spec.formula})"]

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The value for the default parameters in the base unit."""
        spec = spec_of(q, Numeric)
        return {"value": answer_value(spec), "unit": spec.unit}

    def wrong_note(self, q: Question) -> str | None:
        """How close an answer had to be."""
        tolerance = spec_of(q, Numeric).tolerance
        return f"tolerance: {tolerance.kind} {tolerance.value:g}"

    @staticmethod
    def _params(q: Question, params: Params | None) -> Params:
        return params if params is not None else spec_of(q, Numeric).params


KIND = NumericKind()
