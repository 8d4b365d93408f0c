"""One entry point that grades any kind of question and returns what the loop needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from quizzer.errors import QuizzerError
from quizzer.models import Choice, Code, Concept, Formula, Lang, Numeric, Question

AGAIN, GOOD = 1, 3


@dataclass(frozen=True)
class Graded:
    """A verdict in the loop's terms."""

    verdict: str  # correct | wrong | unrated
    score: float
    message: str
    hint: str | None
    reference: str
    suggested_rating: int
    detail: Any


def _unreadable(message: str) -> QuizzerError:
    from quizzer.session import UnreadableAnswer

    return UnreadableAnswer(message)


def grade(q: Question, params: Mapping[str, float] | None, text: str, lang: Lang) -> Graded:
    """Grade `text` as an answer to `q` (with the variant `params` for numeric questions)."""
    from quizzer.session import reference_answer

    spec = q.spec
    reference = reference_answer(q, params, lang)
    if isinstance(spec, Concept):
        from quizzer.grading.concept import grade_concept

        cv = grade_concept(text, spec)
        return Graded("unrated", cv.coverage, f"{sum(cv.covered)}/{len(cv.covered)} key points covered", None,
                      reference, cv.suggested_rating, cv)
    if isinstance(spec, Choice):
        from quizzer.grading.choice import grade_choice

        try:
            ch = grade_choice(text, spec)
        except QuizzerError as exc:
            raise _unreadable(exc.message) from None
        return Graded("correct" if ch.correct else "wrong", ch.score, "correct" if ch.correct else "not quite",
                      None, reference, GOOD if ch.correct else AGAIN, ch)
    if isinstance(spec, Numeric):
        from quizzer.grading.numeric import grade_numeric

        try:
            nv = grade_numeric(text, spec, params if params is not None else spec.params, lang)
        except QuizzerError as exc:
            raise _unreadable(exc.message) from None
        if not nv.readable:
            raise _unreadable(nv.message)
        return Graded("correct" if nv.correct else "wrong", 1.0 if nv.correct else 0.0, nv.message,
                      nv.hint, reference, GOOD if nv.correct else AGAIN, nv)
    if isinstance(spec, Formula):
        from quizzer.grading.formula import grade_formula

        try:
            fv = grade_formula(text, spec, lang)
        except QuizzerError as exc:
            raise _unreadable(exc.message) from None
        if not fv.readable:
            raise _unreadable(fv.message)
        return Graded("correct" if fv.correct else "wrong", 1.0 if fv.correct else 0.0, fv.message, fv.hint,
                      reference, GOOD if fv.correct else AGAIN, fv)
    assert isinstance(spec, Code)
    raise QuizzerError("code questions are graded by the judge, not from a typed answer")
