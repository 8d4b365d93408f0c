"""The question kinds: one module per kind behind one protocol, and the registry that maps `kind:` to it.

A new kind is a module here implementing `QuestionKind`, plus its line below (and its spec in
`quizzer.models` and `quizzer.bank.schema`, which read banks below this layer).
"""

from __future__ import annotations

from quizzer.kinds import choice, code, concept, formula, numeric
from quizzer.kinds.base import Graded, Point, QuestionKind, Review, UnreadableAnswer
from quizzer.models import Question

REGISTRY: dict[str, QuestionKind] = {k.name: k for k in (concept.KIND, numeric.KIND, formula.KIND, choice.KIND,
                                                          code.KIND)}


def kind_of(q: Question) -> QuestionKind:
    """The kind that asks and grades `q`."""
    return REGISTRY[q.kind]


__all__ = ["REGISTRY", "Graded", "Point", "QuestionKind", "Review", "UnreadableAnswer", "kind_of"]
