"""Concept answers judged as an interviewer would: claims made, misconceptions asserted, hedges."""

from __future__ import annotations

from dataclasses import dataclass

from quizzer.models import Concept, Rating
from quizzer.text.cues import QUOTED, STRONG_HEDGE, WEAK_HEDGE
from quizzer.text.normalize import normalize, sentences
from quizzer.text.patterns import answer_scopes, sentences_showing, shows

AGAIN, HARD, GOOD = Rating.AGAIN, Rating.HARD, Rating.GOOD


@dataclass(frozen=True)
class ConceptVerdict:
    """Which key points an answer makes, which misconceptions it asserts, and the rating that follows."""

    covered: tuple[bool, ...]
    coverage: float
    missing_essential: bool
    suggested_rating: Rating
    misconceptions: tuple[int, ...] = ()
    hedged: bool = False
    # False when most of the answer makes none of the question's points (an answer to another question).
    focused: bool = True

    @property
    def verdict(self) -> str:
        """correct (Good), partial (Hard) or wrong (Again)."""
        return {GOOD: "correct", HARD: "partial"}.get(self.suggested_rating, "wrong")


def hedged(answer: str) -> bool:
    """Whether the answer says it does not know, or is mostly guesses and questions."""
    text = QUOTED.sub(" ", normalize(answer))
    if STRONG_HEDGE.search(text):
        return True
    parts = sentences(text)
    unsure = sum(1 for s in parts if WEAK_HEDGE.search(s) or s.endswith(("?", "？")))
    return bool(parts) and unsure * 2 > len(parts)


def grade_concept(answer: str, spec: Concept) -> ConceptVerdict:
    """Judge an answer: a misconception or a missing essential claim is Again; most claims made is Good."""
    covered = tuple(shows(answer, kp.evidence) for kp in spec.key_points)
    wrong = tuple(i for i, mc in enumerate(spec.misconceptions) if shows(answer, mc.evidence, by_clause=True))
    coverage = sum(covered) / len(covered) if covered else 0.0
    missing_essential = any(kp.essential and not hit for kp, hit in zip(spec.key_points, covered, strict=True))
    unsure = hedged(answer)
    # A stated misconception outweighs whatever else is right, as it would in an interview; so does
    # missing the idea the question exists for. Good needs the essentials plus at least half of all points
    # (3 of 5, not 2: two points of five is what a neighbouring question's answer makes in passing), from an
    # answer that is mostly about them.
    focused = True
    if wrong or missing_essential or not any(covered):
        rating = AGAIN
    # Which sentences make a point is asked last, only of an answer that would be Good: it costs a pass per
    # sentence.
    elif unsure or 2 * sum(covered) < len(covered) or not (focused := _focused(answer, spec)):
        rating = HARD
    else:
        rating = GOOD
    return ConceptVerdict(covered, coverage, missing_essential, rating, wrong, unsure, focused)


def _focused(answer: str, spec: Concept) -> bool:
    """Whether at least a third of the answer's sentences make one of the question's points.

    Neighbouring questions share facts, so another question's model answer can touch most of this one's
    points in passing while being about something else; on the labelled corpus every good answer had at
    least a third of its sentences on its question's points, and those passing answers mostly a fifth.
    """
    total = len(answer_scopes(answer))
    on_point = len(frozenset().union(*(sentences_showing(answer, kp.evidence) for kp in spec.key_points)))
    return 3 * on_point >= total
