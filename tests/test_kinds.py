"""The kind registry: one module per `kind:` the banks accept, each answering for every built-in question."""

from __future__ import annotations

import json
import random

import pytest

from quizzer.bank import load_catalog
from quizzer.kinds import REGISTRY, UnreadableAnswer, kind_of
from quizzer.models import KINDS, Question

QUESTIONS = load_catalog().questions


def test_every_bank_kind_has_exactly_one_module() -> None:
    assert tuple(REGISTRY) == KINDS
    assert all(k.name == name for name, k in REGISTRY.items())


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_answers_for_every_question_of_it(kind: str) -> None:
    questions = [q for q in QUESTIONS if q.kind == kind]
    assert questions
    for q in questions:
        k = kind_of(q)
        params = k.draw(q, random.Random(0))
        for lang in ("zh", "en"):
            assert k.prompt(q, lang, params) and k.reference(q, params, lang) and k.hint(q, lang)
            assert k.reveal(q, lang) and all(isinstance(line, str) for line in k.frame(q, lang))
            assert k.answer_help.get(lang)
        json.dumps(k.answer_json(q))
        assert (k.review(q, None, "en") is not None) == k.self_rated


def first(kind: str) -> Question:
    return next(q for q in QUESTIONS if q.kind == kind)


@pytest.mark.parametrize("kind, text", [("numeric", "lots"), ("formula", "2 +* x"), ("choice", "Z")])
def test_unreadable_answers_are_asked_again(kind: str, text: str) -> None:
    q = first(kind)
    with pytest.raises(UnreadableAnswer):
        kind_of(q).grade(q, kind_of(q).draw(q, random.Random(0)), text, "en")


def test_numeric_reference_and_explanation_follow_the_drawn_variant() -> None:
    q = next(q for q in QUESTIONS if q.kind == "numeric" and getattr(q.spec, "vary", None) and q.explanation)
    k = kind_of(q)
    shown = {k.reference(q, k.draw(q, random.Random(seed)), "en") for seed in range(20)}
    assert len(shown) > 1
