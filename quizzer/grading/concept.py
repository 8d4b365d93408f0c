"""Concept answers: which key points an answer covers, judged by the words that show each point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizzer.models import Concept

AGAIN, HARD, GOOD = 1, 2, 3


@dataclass(frozen=True)
class ConceptVerdict:
    """Coverage of the key points and the rating it suggests."""

    covered: tuple[bool, ...]
    coverage: float
    missing_essential: bool
    suggested_rating: int


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def covers(answer: str, words: tuple[str, ...]) -> bool:
    """Whether the answer contains any of the words (case- and spacing-insensitive)."""
    text = _normal(answer)
    return any(_normal(w) in text for w in words if w.strip())


def grade_concept(answer: str, spec: Concept) -> ConceptVerdict:
    """Mark each key point covered when the answer uses any of its words, in either language."""
    covered = tuple(covers(answer, kp.words_zh + kp.words_en) for kp in spec.key_points)
    coverage = sum(covered) / len(covered) if covered else 0.0
    missing_essential = any(kp.essential and not hit for kp, hit in zip(spec.key_points, covered))
    # Missing an essential point means the idea was not recalled: suggest Again, as Anki would.
    if missing_essential or coverage < 0.34:
        suggested = AGAIN
    elif coverage < 0.75:
        suggested = HARD
    else:
        suggested = GOOD
    return ConceptVerdict(covered, coverage, missing_essential, suggested)
