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


def test_an_explanation_about_the_default_model_is_left_out_for_other_values() -> None:
    by_id = {q.id: q for q in QUESTIONS}
    gpt3 = by_id["architecture.gpt3-params"]
    k = kind_of(gpt3)
    small = {**gpt3.spec.params, "layers": 32}  # type: ignore[union-attr]
    assert "GPT-3 175B" in k.explanation(gpt3, "en") and "GPT-3 175B" in k.explanation(gpt3, "zh")  # type: ignore[operator]
    for lang in ("en", "zh"):
        shown = k.explanation(gpt3, lang, small)
        assert shown and "12 x 32 x" in shown.replace("×", "x") and "GPT-3" not in shown and "175B" not in shown
    llama = by_id["estimation.weights-from-config"]
    other = {**llama.spec.params, "layers": 24}  # type: ignore[union-attr]
    for lang in ("en", "zh"):
        shown = kind_of(llama).explanation(llama, lang, other)
        assert shown and "LLaMA" not in shown and shown.rstrip().endswith(("GB.", "GB。"))
    # "default" about something else (torch.std's default) is not a sentence about the question's defaults.
    grpo = next(q for q in QUESTIONS if "torch.std" in (q.explanation.en if q.explanation else "")
                and q.kind == "numeric")
    varied = {**grpo.spec.params, "G": 16}  # type: ignore[union-attr]
    assert "torch.std does by default" in kind_of(grpo).explanation(grpo, "en", varied)  # type: ignore[operator]


def test_the_line_under_a_numeric_question_fits_its_answer() -> None:
    def help_for(unit: str, display: str) -> str:
        q = next(q for q in QUESTIONS if q.kind == "numeric" and q.spec.unit == unit  # type: ignore[union-attr]
                 and q.spec.display == display)  # type: ignore[union-attr]
        return kind_of(q).how_to_answer(q, "en")

    assert help_for("ratio", "ratio") == "One line: the ratio as a plain number (e.g. 5900 or 5.9e3)."
    assert help_for("count", "billion") == "One line: a number (e.g. 7e9 or 7 billion)."
    assert help_for("ratio", "%") == "One line: a percentage (e.g. 12%)."
    assert help_for("B", "GB") == "One line, with units (e.g. 18 GB, 3.2e23 FLOP, 39 days)."
