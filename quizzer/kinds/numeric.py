"""Numeric questions: a back-of-envelope estimate, drawn as a variant and graded by value and unit."""

from __future__ import annotations

import random
import re
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, UnreadableAnswer, right_or_wrong, spec_of
from quizzer.messages import say
from quizzer.models import Lang, Numeric, Question, Text
from quizzer.variants import answer_value, display_answer, draw_params, fill

# A sentence of an explanation that says what the default parameters are ("The default values are GPT-3 175B's
# configuration."): true only of the defaults, so it is left out under other drawn values. A sentence ends at a
# full stop followed by a space, a closing bracket or the end (so "6.74B" does not end one).
ABOUT_DEFAULTS = re.compile(
    r"\s*\(?The default (?:values?|shape|parameters?|configuration|config|settings?)\b.*?\.\)?(?=\s|$)"
    r"|（?默认(?:参数|配置|值|形状|设置)[^。]*。）?")

# How to answer a question whose answer has no unit, by its unit (or its display, for a percentage).
PLAIN = {
    "ratio": Text(zh="一行作答，写比值（纯数字，如 5900 或 5.9e3）。",
                  en="One line: the ratio as a plain number (e.g. 5900 or 5.9e3)."),
    "%": Text(zh="一行作答，写百分比（如 12%）。", en="One line: a percentage (e.g. 12%)."),
    "count": Text(zh="一行作答，写数目（如 7e9、70亿）。", en="One line: a number (e.g. 7e9 or 7 billion)."),
}


class NumericKind(QuestionKind):
    """Answers with units, within a tolerance of the value the formula gives for the drawn parameters."""

    name = "numeric"
    answer_help = Text(zh="一行作答，带单位（如 18 GB、39 天）。",
                       en="One line, with units (e.g. 18 GB, 3.2e23 FLOP, 39 days).")

    def how_to_answer(self, q: Question, lang: Lang) -> str:
        """A ratio, a percentage or a count is a plain number; anything else needs its unit."""
        spec = spec_of(q, Numeric)
        if spec.display == "%":
            return PLAIN["%"].get(lang)
        return PLAIN.get(spec.unit, self.answer_help).get(lang)

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
            raise UnreadableAnswer(exc.render(lang)) from None
        return right_or_wrong(verdict)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The value in the question's display unit."""
        return display_answer(spec_of(q, Numeric), params, lang)

    def explanation(self, q: Question, lang: Lang, params: Params | None = None) -> str | None:
        """The worked explanation with this variant's numbers and answer."""
        if q.explanation is None:
            return None
        spec = spec_of(q, Numeric)
        params = self._params(q, params)
        text = q.explanation.get(lang)
        if dict(params) != dict(spec.params):  # a drawn variant is not the model the defaults describe
            text = ABOUT_DEFAULTS.sub("", text).strip()
        return fill(text, params, display_answer(spec, params, lang))

    def hint(self, q: Question, lang: Lang) -> str:
        """The formula the answer comes from."""
        return say(lang, "numeric.formula", formula=spec_of(q, Numeric).formula)

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """The value for the default parameters, and its formula."""
        spec = spec_of(q, Numeric)
        return [say(lang, "numeric.reveal", answer=display_answer(spec, None, lang), formula=spec.formula)]

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The value for the default parameters in the base unit."""
        spec = spec_of(q, Numeric)
        return {"value": answer_value(spec), "unit": spec.unit}

    def wrong_note(self, q: Question, lang: Lang = "en") -> str | None:
        """How close an answer had to be."""
        tolerance = spec_of(q, Numeric).tolerance
        return say(lang, "numeric.tolerance", kind=tolerance.kind, value=f"{tolerance.value:g}")

    @staticmethod
    def _params(q: Question, params: Params | None) -> Params:
        return params if params is not None else spec_of(q, Numeric).params


KIND = NumericKind()
