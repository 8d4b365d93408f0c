"""`quizzer optimize`: refuses below the optimizer's minimum, fits on enough reviews, and practice then uses the fit."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.models import Rating
from quizzer.practice.reviewlog import MIN_REVIEWS, learnable, reviews
from quizzer.store import fsrs_params, open_store
from quizzer.store.attempts import Attempt, insert

START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def record(cards: int, per_card: int, seed: int = 3) -> None:
    """A made-up review log: each card reviewed `per_card` times at growing gaps, forgotten more after long gaps."""
    rng = random.Random(seed)
    store = open_store()
    try:
        with store.write() as conn:
            for c in range(cards):
                when = START + timedelta(minutes=c)
                for i in range(per_card):
                    gap = 0 if i == 0 else rng.choice((1, 2, 3, 5, 8, 13))
                    when += timedelta(days=gap)
                    rating = Rating.AGAIN if rng.random() < min(0.05 * gap, 0.6) else rng.choice(
                        (Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.EASY))
                    insert(conn, Attempt(question_id=f"t.q{c}", topic="t", kind="concept", answer="a",
                                         verdict="correct" if rating.recalled else "wrong", score=1.0, seconds=9.0,
                                         mode="practice", session_id="s", answered_at=when, rating=rating))
    finally:
        store.close()


def test_below_the_minimum_it_refuses_in_one_line_and_saves_nothing() -> None:
    record(cards=10, per_card=5)  # 40 reviews a day or more after the previous one
    result = CliRunner().invoke(app, ["optimize"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: not enough reviews to fit your own parameters yet: the FSRS optimizer needs "
                             f"{MIN_REVIEWS} reviews made a day or more after the card's previous one, and your "
                             f"history has 40; keep practising (the defaults stay in use)\n")
    store = open_store()
    assert fsrs_params.load(store) is None
    store.close()


def test_without_the_extra_it_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    record(cards=60, per_card=10)
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if quizzer[optimize] were not installed
    result = CliRunner().invoke(app, ["optimize", "--lang", "zh"])
    assert (result.exit_code, result.stderr) == (2, "error: 未安装 FSRS 优化器：pip install 'quizzer[optimize]'\n")


@pytest.mark.timeout(600)
def test_a_fit_is_saved_and_schedules_practice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZZER_FSRS_FUZZ", "0")
    record(cards=60, per_card=10)
    store = open_store()
    assert learnable(reviews(store)) == 540
    store.close()
    result = CliRunner().invoke(app, ["optimize", "--json"])
    assert result.exit_code == 0, result.stderr
    fit = json.loads(result.stdout)
    assert fit["version"] == 1
    assert fit["reviews"] == 540
    assert fit["total_reviews"] == 600
    assert len(fit["parameters"]) == 21
    assert [p["days"] for p in fit["recall_after_good"]] == [1, 3, 7, 14, 30]
    # Fitted on these very reviews, the personal parameters predict them at least as well as the defaults.
    assert fit["log_loss"]["personal"] <= fit["log_loss"]["default"]
    assert sum(b["reviews"] for b in fit["by_interval"]) == 540
    assert [b["from_days"] for b in fit["by_interval"]] == [1, 3, 7]  # gaps of 1 to 13 days were recorded
    text = CliRunner().invoke(app, ["optimize"]).stdout.splitlines()
    assert text[0] == "fitted on 540 reviews (600 in all); practice now schedules with your own parameters"
    assert text[1].split() == ["recall", "after", "a", "Good", "1d", "3d", "7d", "14d", "30d", "log", "loss", "on",
                               "your", "reviews"]
    assert text[2].split()[0] == "default"
    assert text[3].split()[0] == "yours"
    store = open_store()
    saved = fsrs_params.load(store)
    store.close()
    assert saved is not None
    assert list(saved.parameters) == fit["parameters"]
    assert saved.reviews == 540

    # Practice saves every later review with them: a card rated Good three times falls due when they say.
    from quizzer.bank import load_catalog
    from quizzer.practice.progress import save
    from quizzer.practice.scheduler import next_card
    from quizzer.practice.session import Asked, Outcome

    question = load_catalog().questions[0]
    days = (0, 3, 12)
    store = open_store()
    try:
        for d in days:
            asked = Asked(1, 1, question, None, "prompt", 0.0)
            save(store, Outcome(asked, "x", "correct", 1.0, 5.0), Rating.GOOD, "practice", "s2",
                 START + timedelta(days=500 + d))
        (row,) = store.read("SELECT due FROM cards WHERE question_id = ?", (question.id,))
    finally:
        store.close()
    expected: dict[str, object] = {}
    for label, params in (("default", None), ("personal", saved.parameters)):
        card = None
        for d in days:
            card, due = next_card(card, question.id, Rating.GOOD, START + timedelta(days=500 + d), params)
        expected[label] = due
    assert expected["default"] != expected["personal"]
    assert datetime.fromisoformat(row["due"]) == expected["personal"]
