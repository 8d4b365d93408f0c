"""A mock interview's plan: which questions, in which sections, with how much time each."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizzer.errors import QuizzerError
from quizzer.messages import Said
from quizzer.models import Question

# Topics an interviewer for each track draws from; "general" draws from every topic.
TRACKS: dict[str, frozenset[str] | None] = {
    "general": None,
    "training": frozenset({"distributed", "training", "estimation", "peft", "normalization", "moe", "architecture",
                           "data-alignment", "attention"}),
    "inference": frozenset({"inference", "quantization", "attention", "long-context", "estimation",
                            "positional-encoding", "moe", "rag-apps", "architecture"}),
}

# A 45-minute round: (section, kinds it draws, questions, minutes each). Other lengths scale from this.
Section = tuple[str, tuple[str, ...], int, float]
ROUND: tuple[Section, ...] = (
    ("concepts", ("concept",), 4, 5.0),
    ("estimation", ("numeric", "formula"), 2, 4.0),
    ("quick check", ("choice",), 1, 2.0),
    ("hand-write", ("code",), 1, 15.0),
)
BASE_MINUTES = 45.0
# Sections a short round cannot hold: (section, the shortest round that has it).
MIN_MINUTES = {"quick check": 3.0, "hand-write": 10.0}
# A shorter round leaves less time to hand-write, so it draws an easier task: (round under, highest difficulty).
CODE_DIFFICULTY = ((20.0, 1), (BASE_MINUTES, 2))


@dataclass(frozen=True)
class PlanItem:
    """One question of the mock and its time budget."""

    section: str
    question: Question
    budget: float  # seconds


@dataclass(frozen=True)
class LeftOut:
    """A section of the full round this plan does without, and why."""

    section: str
    from_minutes: float | None  # the shortest round that has it; None: the banks have no question for it


@dataclass(frozen=True)
class MockPlan:
    """The whole round."""

    minutes: float
    track: str
    seed: int
    items: tuple[PlanItem, ...]
    left_out: tuple[LeftOut, ...] = ()

    @property
    def sections(self) -> tuple[str, ...]:
        """Section names in plan order."""
        return tuple(dict.fromkeys(i.section for i in self.items))


def _counts(minutes: float) -> list[Section]:
    """Each section's question count scaled to the round: at least one, unless the round is too short for it."""
    scale = minutes / BASE_MINUTES
    return [(section, kinds, max(1, round(n * scale)), each) for section, kinds, n, each in ROUND
            if minutes >= MIN_MINUTES.get(section, 0.0)]


def _easy_enough(candidates: list[Question], minutes: float) -> list[Question]:
    """The hand-write tasks a round of `minutes` leaves time for (the easiest ones when none is easy enough)."""
    cap = next((level for under, level in CODE_DIFFICULTY if minutes < under), None)
    if cap is None:
        return candidates
    fitting = [q for q in candidates if q.difficulty <= cap]
    easiest = min(q.difficulty for q in candidates)
    return fitting or [q for q in candidates if q.difficulty == easiest]


def make_plan(questions: Sequence[Question], minutes: float, track: str, seed: int) -> MockPlan:
    """Draw a seeded round from the banks, budgets scaled so they add up to `minutes`."""
    if track not in TRACKS:
        raise QuizzerError(Said("mock.track", {"value": track, "choices": ", ".join(TRACKS)}))
    if not 1 <= minutes <= 240:
        raise QuizzerError(Said("mock.minutes"))
    rng = random.Random(seed)
    topics = TRACKS[track]
    pool = [q for q in questions if topics is None or q.topic in topics]
    drawn: list[tuple[str, Question, float]] = []
    left_out = [LeftOut(section, MIN_MINUTES[section]) for section, *_ in ROUND
                if minutes < MIN_MINUTES.get(section, 0.0)]
    for section, kinds, count, each in _counts(minutes):
        candidates = [q for q in pool if q.kind in kinds]
        if not candidates:
            left_out.append(LeftOut(section, None))
            continue
        if kinds == ("code",):
            candidates = _easy_enough(candidates, minutes)
        rng.shuffle(candidates)
        # Prefer different topics within a section, as an interviewer would.
        ordered: list[Question] = []
        for q in candidates:
            if all(q.topic != o.topic for o in ordered):
                ordered.append(q)
        ordered += [q for q in candidates if q not in ordered]
        drawn.extend((section, q, each) for q in ordered[:count])
    if not drawn:
        raise QuizzerError(Said("mock.no_questions", {"track": track}))
    total = sum(each for _, _, each in drawn)
    factor = minutes * 60.0 / total
    items = tuple(PlanItem(section, q, round(each * factor, 1)) for section, q, each in drawn)
    order = [section for section, *_ in ROUND]
    return MockPlan(minutes=minutes, track=track, seed=seed, items=items,
                    left_out=tuple(sorted(left_out, key=lambda o: order.index(o.section))))
