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


def _found(word: str, text: str) -> bool:
    # Latin words must start at a word boundary ("rag" must not match "average", while the stem
    # "saturat" still matches "saturates"); Chinese has no spaces, so a plain substring is right there.
    if word[:1].isascii() and word[:1].isalnum():
        return re.search(r"(?<![a-z0-9])" + re.escape(word), text) is not None
    return word in text


def covers(answer: str, words: tuple[str, ...]) -> bool:
    """Whether the answer contains any of the words (case- and spacing-insensitive)."""
    text = _normal(answer)
    return any(_found(_normal(w).strip(), text) for w in words if w.strip())


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
