"""Key-point coverage: the words that show a point was made, in either language."""

from __future__ import annotations

from quizzer.grading.concept import covers, grade_concept
from quizzer.models import Concept, KeyPoint, Text


def kp(zh: tuple[str, ...], en: tuple[str, ...], essential: bool = False) -> KeyPoint:
    return KeyPoint(Text("点", "point"), zh, en, essential)


SPEC = Concept(Text("答", "answer"), (kp(("方差",), ("variance",), True), kp(("饱和",), ("saturat",)),
                                     kp(("梯度",), ("gradient",))))


def test_latin_words_match_at_word_starts_only() -> None:
    assert covers("Softmax saturates quickly", ("saturat",))
    assert not covers("the average score", ("rag",))
    assert covers("RAG retrieves documents", ("rag",))
    assert covers("multi-head attention", ("head",))


def test_chinese_words_match_anywhere_and_languages_mix() -> None:
    assert covers("点积的方差会变大", ("方差",))
    v = grade_concept("方差 grows, so softmax 饱和 and gradients vanish", SPEC)
    assert v.covered == (True, True, True) and v.suggested_rating == 3


def test_missing_the_essential_point_suggests_again() -> None:
    v = grade_concept("softmax saturates and the gradient vanishes", SPEC)
    assert v.covered == (False, True, True) and v.missing_essential and v.suggested_rating == 1


def test_partial_coverage_suggests_hard() -> None:
    v = grade_concept("the variance grows", SPEC)
    assert abs(v.coverage - 1 / 3) < 1e-9 and v.suggested_rating == 1
    v = grade_concept("the variance grows and softmax saturates", SPEC)
    assert v.suggested_rating == 2
