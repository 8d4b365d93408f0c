"""The concept grader against a hand-labelled corpus: the rates an honest interviewer would hold it to."""

from __future__ import annotations

import pytest

from quizzer.grading.concept import grade_concept
from quizzer.models import Concept
from tests.concept_corpus import concept_questions, confusion, judge_corpus, load_corpus

pytestmark = pytest.mark.skipif(not load_corpus(), reason="no corpus")


def test_corpus_covers_every_concept_question_with_four_kinds_of_answer() -> None:
    questions = concept_questions()
    seen = {e["id"]: e["answers"] for e in load_corpus()}
    assert set(seen) == set(questions), sorted(set(questions) ^ set(seen))
    for qid, answers in seen.items():
        kinds = {(a["label"], a["lang"], a["kind"]) for a in answers}
        assert ("good", "en", "paraphrase") in kinds and ("good", "zh", "paraphrase") in kinds, qid
        assert any(k[2] == "misconception" for k in kinds), qid
        assert any(k[2] in ("hedge", "negation", "offtopic") for k in kinds), qid


def test_corpus_rates() -> None:
    judged = judge_corpus()
    print("\n" + confusion(judged))
    good = [j.rating for j in judged if j.label == "good"]
    bad = [j.rating for j in judged if j.label == "bad"]
    assert good.count(3) >= 0.80 * len(good), confusion(judged)
    assert good.count(1) <= 0.05 * len(good), confusion(judged)
    assert bad.count(3) <= 0.02 * len(bad), confusion(judged)
    assert bad.count(1) >= 0.90 * len(bad), confusion(judged)


def test_another_questions_reference_answer_is_rarely_good() -> None:
    questions = list(concept_questions().values())
    passed_by_other = 0
    for q in questions:
        assert isinstance(q.spec, Concept)
        spec = q.spec
        if any(grade_concept(o.spec.answer.get(lang), spec).suggested_rating == 3  # type: ignore[union-attr]
               for o in questions if o.id != q.id for lang in ("en", "zh")):
            passed_by_other += 1
    # The goal (issue 16) is at most 3% of questions. Neighbouring questions share facts (a reference answer
    # on the KV cache at long context also answers "what makes up inference memory"); eight pairs that asked
    # the same thing were merged (the old ids are aliases), essential points sharpened, reference answers kept to
    # their own question, and Good needs an answer mostly about the question (a third of its sentences on its
    # points). Measured now: 4 of 164 (2.4%; 117 of 151 with the bag-of-words grader, 37 of 172 before).
    assert passed_by_other <= 0.03 * len(questions), passed_by_other
