"""The built-in banks: valid, complete (every source section, every task), and self-consistent."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quizzer.bank import load_catalog
from quizzer.bank.catalog import load_sources
from quizzer.grading.concept import grade_concept
from quizzer.text.patterns import shows
from quizzer.judge.catalog import tasks
from quizzer.models import Code, Concept, Numeric
from quizzer.units import format_value
from quizzer.variants import answer_value, fill, parse_expected
from tests.conftest import REPO

CATALOG = load_catalog(thorough=True, tasks=tasks())
QUESTIONS = CATALOG.questions
CONTRACT_TASKS = [t for t in re.findall(r"^\| (\w+) \| ", (REPO.parent / "shared" / "contracts" / "tasks.md").read_text()
                            if (REPO.parent / "shared").exists() else "", re.M) if t != "id"]


def test_every_bank_validates() -> None:
    assert [str(p) for p in CATALOG.problems] == []


def test_every_source_section_is_cited() -> None:
    cited = {key for q in QUESTIONS for key in q.source}
    assert sorted(set(load_sources()) - cited) == []


def test_enough_questions_of_every_kind() -> None:
    kinds = Counter(q.kind for q in QUESTIONS)
    assert len(QUESTIONS) >= 220
    assert kinds["concept"] >= 120 and kinds["numeric"] >= 45 and kinds["formula"] >= 12 and kinds["choice"] >= 20


def test_one_code_question_for_every_task() -> None:
    named = Counter(q.spec.task for q in QUESTIONS if isinstance(q.spec, Code))
    assert sorted(named) == sorted(tasks())
    assert all(n == 1 for n in named.values())


@pytest.mark.skipif(not CONTRACT_TASKS, reason="shared/contracts is not beside the checkout")
def test_task_catalog_matches_the_contract() -> None:
    # Every task of the public contract exists; tasks added since are documented in docs/judge-tasks.md.
    assert set(CONTRACT_TASKS) <= set(tasks())
    documented = (REPO / "docs" / "judge-tasks.md").read_text(encoding="utf-8")
    assert [t for t in tasks() if t not in CONTRACT_TASKS and f"| {t} |" not in documented] == []


def test_the_three_calculation_problems_have_the_right_answers() -> None:
    by_source: dict[str, list[float]] = {}
    for q in QUESTIONS:
        if isinstance(q.spec, Numeric):
            for key in q.source:
                by_source.setdefault(key, []).append(answer_value(q.spec))
    assert any(abs(v - 4_294_967_296) < 1 for v in by_source["hot.calc1"])  # KV cache, 4.29 GB
    assert any(abs(v - 18.29e9) / 18.29e9 < 0.01 for v in by_source["hot.calc1"])  # weights + KV cache
    assert any(abs(v / 86400 - 38.95) < 0.1 for v in by_source["hot.calc2"])  # ≈ 39 days
    assert any(abs(v - 112e9) < 1e6 for v in by_source["hot.train-mem"])  # 16 bytes/param x 7B


@pytest.mark.parametrize("q", [q for q in QUESTIONS if isinstance(q.spec, Numeric)], ids=lambda q: q.id)
def test_numeric_explanation_states_the_computed_answer(q) -> None:  # type: ignore[no-untyped-def]
    spec = q.spec
    value = answer_value(spec)
    expected, _ = parse_expected(spec.expected)
    assert abs(expected - value) / value <= 0.02
    shown = format_value(value, spec.display)
    for lang in ("zh", "en"):
        text = fill(q.explanation.get(lang), spec.params, shown)
        assert "{" not in text, text
        assert shown in text or spec.expected in text or "{answer}" in q.explanation.get(lang), (lang, text)


@pytest.mark.parametrize("q", [q for q in QUESTIONS if isinstance(q.spec, Concept)], ids=lambda q: q.id)
def test_reference_answer_covers_its_own_key_points(q) -> None:  # type: ignore[no-untyped-def]
    spec = q.spec
    for kp in spec.key_points:
        assert shows(spec.answer.en, kp.evidence), (q.id, "en", kp.text.en)
        assert shows(spec.answer.zh, kp.evidence), (q.id, "zh", kp.text.zh)


@pytest.mark.parametrize("q", [q for q in QUESTIONS if isinstance(q.spec, Concept)], ids=lambda q: q.id)
def test_reference_answer_is_rated_good_and_asserts_no_misconception(q) -> None:  # type: ignore[no-untyped-def]
    for lang in ("en", "zh"):
        verdict = grade_concept(q.spec.answer.get(lang), q.spec)
        assert verdict.misconceptions == (), (q.id, lang, [q.spec.misconceptions[i].text.en for i in verdict.misconceptions])
        assert verdict.suggested_rating == 3, (q.id, lang, verdict)


def test_the_builtin_merged_ids_still_resolve() -> None:
    from quizzer.bank import require_question

    catalog = load_catalog()
    assert require_question(catalog, "estimation.what-is-mfu").id == "training.mfu-throughput"
    assert require_question(catalog, "normalization.pre-ln-vs-post-ln").id == "architecture.pre-norm-vs-post-norm"
