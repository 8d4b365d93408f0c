"""Choice questions: option letters, right only when exactly the correct set is picked."""

from __future__ import annotations

from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, UnreadableAnswer, spec_of
from quizzer.messages import say
from quizzer.models import Choice, Lang, Question, Rating, Text

LETTERS = "ABCDEF"


class ChoiceKind(QuestionKind):
    """One or several option letters."""

    name = "choice"
    answer_help = Text(zh="填选项字母，如 B 或 A,C。", en="Option letter(s), e.g. B or A,C.")

    def frame(self, q: Question, lang: Lang) -> list[str]:
        """The lettered options."""
        return [f"  {letter}. {option.get(lang)}"
                for letter, option in zip(LETTERS, spec_of(q, Choice).options)]

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Right on the exact set; partial overlap scores; text that names no option is asked again."""
        from quizzer.grading.choice import grade_choice

        try:
            verdict = grade_choice(text, spec_of(q, Choice))
        except QuizzerError as exc:
            raise UnreadableAnswer(exc.render(lang)) from None
        return Graded("correct" if verdict.correct else "wrong", verdict.score,
                      say(lang, "choice.correct" if verdict.correct else "choice.wrong"), None,
                      Rating.implied(verdict.correct), verdict)

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The correct letters."""
        return ", ".join(spec_of(q, Choice).correct)

    def hint(self, q: Question, lang: Lang) -> str:
        """One wrong option ruled out."""
        spec = spec_of(q, Choice)
        wrong = [letter for letter in LETTERS[: len(spec.options)] if letter not in spec.correct]
        return say(lang, "hint.not_option", letter=wrong[0]) if wrong else say(lang, "hint.all_options")

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """The correct letters."""
        return [self.reference(q, None, lang)]

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The options and the correct letters."""
        spec = spec_of(q, Choice)
        return {"options": [o.as_dict() for o in spec.options], "correct": list(spec.correct)}


KIND = ChoiceKind()
