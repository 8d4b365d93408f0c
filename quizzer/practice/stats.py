"""Pure summaries of the history: accuracy, streak, due reviews, weak topics, self-rating calibration."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from quizzer.models import Rating
from quizzer.store.attempts import Attempt

# A topic needs a few graded answers before it can be called weak.
MIN_FOR_WEAK = 2


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of graded ones in one group."""

    name: str
    answered: int
    right: int

    @property
    def rate(self) -> float:
        """Share right (0 when nothing was answered)."""
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Calibration:
    """Concept answers: self-rating set against key-point coverage."""

    rated: int
    mean_coverage_by_rating: Mapping[Rating, float]
    overrated: int  # rated Good/Easy while covering under half the key points
    underrated: int  # rated Again/Hard while covering three quarters or more


@dataclass(frozen=True)
class Stats:
    """Everything `quizzer stats` shows."""

    answered: int
    right: int
    skipped: int
    by_topic: tuple[Accuracy, ...]
    by_kind: tuple[Accuracy, ...]
    streak_days: int
    due_today: int
    due_week: int
    weakest: tuple[Accuracy, ...]
    calibration: Calibration


def _group(attempts: Sequence[Attempt], key: str) -> tuple[Accuracy, ...]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a in attempts:
        counts[getattr(a, key)][0] += 1
        counts[getattr(a, key)][1] += a.verdict == "correct"
    return tuple(Accuracy(name, n, r) for name, (n, r) in sorted(counts.items()))


def streak(days: set[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday, while today is still open)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def calibration(attempts: Sequence[Attempt]) -> Calibration:
    """How self-ratings of concept answers compare with the key points they covered."""
    rated = [a for a in attempts if a.kind == "concept" and a.rating is not None]
    by_rating: dict[Rating, list[float]] = defaultdict(list)
    for a in rated:
        if a.rating is not None:
            by_rating[a.rating].append(a.score)
    return Calibration(
        rated=len(rated),
        mean_coverage_by_rating={r: sum(v) / len(v) for r, v in sorted(by_rating.items())},
        overrated=sum(1 for a in rated if a.rating is not None and a.rating.recalled and a.score < 0.5),
        underrated=sum(1 for a in rated if a.rating is not None and not a.rating.recalled and a.score >= 0.75),
    )


def summarise(attempts: Sequence[Attempt], due: Mapping[str, datetime], now: datetime, tz: tzinfo | None) -> Stats:
    """Stats from all attempts and the due map, with days counted in the local time zone `tz`."""
    graded = [a for a in attempts if a.verdict != "skipped"]
    local_today = now.astimezone(tz).date()
    end_of_today = datetime.combine(local_today + timedelta(days=1), datetime.min.time(), now.astimezone(tz).tzinfo)
    by_topic = _group(graded, "topic")
    weakest = sorted((a for a in by_topic if a.answered >= MIN_FOR_WEAK and a.rate < 1.0),
                     key=lambda a: (a.rate, -a.answered))[:3]
    return Stats(
        answered=len(graded),
        right=sum(1 for a in graded if a.verdict == "correct"),
        skipped=len(attempts) - len(graded),
        by_topic=by_topic,
        by_kind=_group(graded, "kind"),
        streak_days=streak({a.answered_at.astimezone(tz).date() for a in graded}, local_today),
        due_today=sum(1 for d in due.values() if d < end_of_today),
        due_week=sum(1 for d in due.values() if d < end_of_today + timedelta(days=7)),
        weakest=tuple(weakest),
        calibration=calibration(graded),
    )
