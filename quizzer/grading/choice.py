"""Choice answers: option letters in any reasonable spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizzer.errors import QuizzerError
from quizzer.messages import Said
from quizzer.models import Choice


@dataclass(frozen=True)
class ChoiceVerdict:
    """The letters picked against the right ones."""

    picked: tuple[str, ...]
    correct: bool
    score: float


def parse_letters(text: str, n_options: int) -> tuple[str, ...]:
    """`b`, `A, C`, `AC`, `a和c`, `2` -> sorted letters; anything else is a QuizzerError."""
    valid = "ABCDEF"[:n_options]
    cleaned = re.sub(r"(?i)\band\b|[,，、;；/和与\s]+", "", text.strip()).upper()
    digits = {str(i + 1): letter for i, letter in enumerate(valid)}
    letters = [digits.get(ch, ch) for ch in cleaned]
    if not letters or any(ch not in valid for ch in letters):
        raise QuizzerError(Said("choice.letters", {"letters": ", ".join(valid)}))
    return tuple(sorted(set(letters)))


def grade_choice(text: str, spec: Choice) -> ChoiceVerdict:
    """Right only when exactly the correct set is picked; partial overlap scores Jaccard."""
    picked = parse_letters(text, len(spec.options))
    right = set(spec.correct)
    score = len(right & set(picked)) / len(right | set(picked))
    return ChoiceVerdict(picked, set(picked) == right, score)
