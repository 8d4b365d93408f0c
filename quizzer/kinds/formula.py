"""Formula questions: a symbolic answer over declared variables, checked for equivalence."""

from __future__ import annotations

from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, UnreadableAnswer, right_or_wrong, spec_of
from quizzer.messages import say
from quizzer.models import Formula, Lang, Question, Text


class FormulaKind(QuestionKind):
    """Answers that are formulas in the question's variables (or their aliases)."""

    name = "formula"
    answer_help = Text(zh="一行：用上面的变量写出公式。", en="One line: a formula in the variables above.")

    def frame(self, q: Question, lang: Lang) -> list[str]:
        """Each variable with its aliases and meaning."""
        return [f"  {', '.join((v.name, *v.aliases))}: {v.meaning.get(lang)}" for v in spec_of(q, Formula).variables]

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Right when the formula is equivalent to the reference; an unreadable one is asked again."""
        from quizzer.grading.formula import grade_formula

        try:
            verdict = grade_formula(text, spec_of(q, Formula), lang)
        except QuizzerError as exc:
            raise UnreadableAnswer(exc.render(lang)) from None
        return right_or_wrong(verdict)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The reference formula."""
        return spec_of(q, Formula).formula

    def hint(self, q: Question, lang: Lang) -> str:
        """The variables the formula uses."""
        return say(lang, "hint.uses", names=", ".join(v.name for v in spec_of(q, Formula).variables))

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """The reference formula."""
        return [self.reference(q, None, lang)]

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The formula and its variables' names."""
        spec = spec_of(q, Formula)
        return {"formula": spec.formula, "variables": [v.name for v in spec.variables]}

    def warm_up(self) -> None:
        """SymPy loads in the background while the candidate reads, so the first check is quick."""
        from quizzer.grading.symbolic import warm_up

        warm_up()


KIND = FormulaKind()
