"""Pure summaries of the history: accuracy, streak, due reviews, weak topics, self-rating calibration."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from quizzer.models import Rating
from quizzer.store.attempts import Attempt
from quizzer.store.cards import due_map
from quizzer.store.db import Store

# A topic needs a few graded answers before it can be called weak.
MIN_FOR_WEAK = 2
# Verdicts that say nothing about right or wrong: left out of every accuracy.
UNGRADED = ("skipped", "unrated")
# An answer whose rating was taken back with :undo stays in history but counts for nothing here.
STANDING = "undone_at IS NULL"


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

    answered: int  # graded right or wrong (unrated and skipped answers are counted apart)
    right: int
    skipped: int
    unrated: int  # self-rated answers left without a rating: neither right nor wrong
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


def _weakest(by_topic: tuple[Accuracy, ...]) -> tuple[Accuracy, ...]:
    return tuple(sorted((a for a in by_topic if a.answered >= MIN_FOR_WEAK and a.rate < 1.0),
                        key=lambda a: (a.rate, -a.answered))[:3])


def _end_of_today(now: datetime, tz: tzinfo | None) -> datetime:
    local_today = now.astimezone(tz).date()
    return datetime.combine(local_today + timedelta(days=1), datetime.min.time(), now.astimezone(tz).tzinfo)


def summarise(attempts: Sequence[Attempt], due: Mapping[str, datetime], now: datetime, tz: tzinfo | None) -> Stats:
    """Stats from all attempts and the due map, with days counted in the local time zone `tz`."""
    attempts = [a for a in attempts if not a.undone]
    given = [a for a in attempts if a.verdict != "skipped"]  # every answer given counts as a day of practice
    graded = [a for a in given if a.verdict not in UNGRADED]
    end_of_today = _end_of_today(now, tz)
    by_topic = _group(graded, "topic")
    return Stats(
        answered=len(graded),
        right=sum(1 for a in graded if a.verdict == "correct"),
        skipped=len(attempts) - len(given),
        unrated=len(given) - len(graded),
        by_topic=by_topic,
        by_kind=_group(graded, "kind"),
        streak_days=streak({a.answered_at.astimezone(tz).date() for a in given}, now.astimezone(tz).date()),
        due_today=sum(1 for d in due.values() if d < end_of_today),
        due_week=sum(1 for d in due.values() if d < end_of_today + timedelta(days=7)),
        weakest=_weakest(by_topic),
        calibration=calibration(graded),
    )


def _sql_groups(store: Store, column: str) -> tuple[Accuracy, ...]:
    rows = store.read(f"SELECT {column} AS name, COUNT(*) AS n, SUM(verdict = 'correct') AS r FROM attempts"
                      f" WHERE verdict NOT IN ('skipped', 'unrated') AND {STANDING}"
                      f" GROUP BY {column} ORDER BY {column}")
    return tuple(Accuracy(str(r["name"]), int(r["n"]), int(r["r"] or 0)) for r in rows)


def _sql_streak(store: Store, now: datetime, tz: tzinfo | None) -> int:
    offset = now.astimezone(tz).utcoffset() or timedelta(0)
    shift = f"{int(offset.total_seconds() // 60):+d} minutes"
    today = now.astimezone(tz).date()
    cursor = store.conn.execute("SELECT DISTINCT date(answered_at, ?) AS day FROM attempts"
                                f" WHERE verdict != 'skipped' AND {STANDING} ORDER BY day DESC", (shift,))
    # Days arrive newest first; reading stops at the first gap, so a long history costs one row per streak day.
    days: set[date] = set()
    last: date | None = None
    for (day,) in cursor:
        d = date.fromisoformat(day)
        if d > today:
            continue  # a clock set back: answers "from the future" do not break or extend the streak
        if (last is None and d < today - timedelta(days=1)) or (last is not None and d != last - timedelta(days=1)):
            break
        days.add(d)
        last = d
    cursor.close()
    return streak(days, today)


def summarise_store(store: Store, now: datetime, tz: tzinfo | None) -> Stats:
    """The same Stats computed in SQL: aggregates per group, one row per streak day, not one per attempt."""
    by_topic = _sql_groups(store, "topic")
    by_kind = _sql_groups(store, "kind")
    apart = {str(r["verdict"]): int(r["n"]) for r in store.read(
        "SELECT verdict, COUNT(*) AS n FROM attempts WHERE verdict IN ('skipped', 'unrated')"
        f" AND {STANDING} GROUP BY verdict")}
    cal_rows = store.read("SELECT rating, COUNT(*) AS n, AVG(score) AS mean,"
                          " SUM(rating >= 3 AND score < 0.5) AS over, SUM(rating <= 2 AND score >= 0.75) AS under"
                          " FROM attempts WHERE kind = 'concept' AND rating IS NOT NULL AND verdict != 'skipped'"
                          f" AND {STANDING}"
                          " GROUP BY rating ORDER BY rating")
    cal = Calibration(rated=sum(int(r["n"]) for r in cal_rows),
                      mean_coverage_by_rating={Rating(int(r["rating"])): float(r["mean"]) for r in cal_rows},
                      overrated=sum(int(r["over"] or 0) for r in cal_rows),
                      underrated=sum(int(r["under"] or 0) for r in cal_rows))
    end_of_today = _end_of_today(now, tz)
    due = due_map(store)
    return Stats(
        answered=sum(a.answered for a in by_kind),
        right=sum(a.right for a in by_kind),
        skipped=apart.get("skipped", 0),
        unrated=apart.get("unrated", 0),
        by_topic=by_topic,
        by_kind=by_kind,
        streak_days=_sql_streak(store, now, tz),
        due_today=sum(1 for d in due.values() if d < end_of_today),
        due_week=sum(1 for d in due.values() if d < end_of_today + timedelta(days=7)),
        weakest=_weakest(by_topic),
        calibration=cal,
    )
