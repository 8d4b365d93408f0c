"""The mock's follow-up with a fake clock: asked only within the question's budget, cut off when it runs out."""

from __future__ import annotations

import contextlib
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizzer.bank import load_catalog
from quizzer.cli.mock_view import MockScreen
from quizzer.llm.config import from_env
from quizzer.mock.finish import finish
from quizzer.mock.loop import EndMock, MockLoop
from quizzer.mock.plan import PlanItem, make_plan
from quizzer.mock.scorecard import Scorecard
from quizzer.practice.prompter import Deadline
from quizzer.practice.session import Session
from quizzer.store import open_store
from tests.conftest import demo_bank
from tests.llm_stub import Stub  # the llm_stub fixture comes from conftest
from tests.test_mock import Candidate, Clock

pytestmark = pytest.mark.usefixtures("no_builtin_banks")


def run(tmp_path: Path, script: list[tuple[float, str]]) -> Scorecard:
    catalog = load_catalog([demo_bank(tmp_path, "practice")])
    clock = Clock()
    plan = make_plan(catalog.questions, 45, "general", seed=7)
    assert plan.items[0].question.kind == "concept"
    session = Session([i.question for i in plan.items], "en", random.Random(7), clock, from_env())
    store = open_store()

    def code_step(item: PlanItem, deadline: Deadline) -> tuple[str, float, str]:
        return ("skipped", 0.0, "")

    loop = MockLoop(plan, session, store, Candidate(clock, script), clock, True, code_step, {}, MockScreen("en"))
    with contextlib.suppress(EndMock):  # the script ran out: the candidate is done
        loop.run()
    card, _ = finish(loop, store, "en", datetime(2026, 12, 3, tzinfo=UTC), None, False)
    store.close()
    return card


def test_the_follow_up_is_answered_within_the_budget(tmp_path: Path, llm_stub: Stub) -> None:
    card = run(tmp_path, [(5, "variance grows with d_k and softmax saturates"), (1, "3"), (10, "per head"),
                          (1, ":skip")])
    follow = card.results[0].follow_up
    assert follow is not None and (follow.answer, follow.rating) == ("per head", 3)
    assert len(llm_stub.requests) == 2


def test_no_follow_up_when_the_budget_is_nearly_spent(tmp_path: Path, llm_stub: Stub) -> None:
    budget = make_plan(load_catalog([demo_bank(tmp_path, "practice")]).questions, 45, "general", 7).items[0].budget
    card = run(tmp_path, [(budget - 15, "variance grows with d_k"), (1, "3"), (1, ":skip")])
    assert card.results[0].follow_up is None and len(llm_stub.requests) == 1


def test_a_follow_up_reply_cut_off_by_the_budget_is_not_graded(tmp_path: Path, llm_stub: Stub) -> None:
    card = run(tmp_path, [(5, "variance grows with d_k"), (1, "3"), (10_000, "too slow"), (1, ":skip")])
    follow = card.results[0].follow_up
    assert follow is not None and (follow.answer, follow.rating, follow.note) == ("", None, "no answer")
    assert len(llm_stub.requests) == 1
