"""Mock plans drawn from the built-in banks: every round of ten minutes or more has a hand-write step."""

from __future__ import annotations

import pytest

from quizzer.bank import load_catalog
from quizzer.mock.plan import make_plan


@pytest.mark.parametrize("minutes", [10, 12, 15, 20, 30, 45, 60, 90])
def test_every_mock_of_ten_minutes_or_more_has_a_hand_write_step(minutes: int) -> None:
    questions = load_catalog().questions
    for seed in range(5):
        plan = make_plan(questions, minutes, "general", seed)
        code = [i for i in plan.items if i.section == "hand-write"]
        assert code and not plan.left_out
        assert abs(sum(i.budget for i in plan.items) - minutes * 60) < 1
        # The hand-write step gets the largest share, and no single concept question swallows a short round.
        assert code[0].budget == max(i.budget for i in plan.items)
        assert all(i.budget <= minutes * 60 / 4 for i in plan.items if i.section == "concepts")
        if minutes < 20:
            assert code[0].question.difficulty == 1

