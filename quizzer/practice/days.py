"""Days in the candidate's time zone: reviews per day (the heatmap), reviews due per day, new cards today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from quizzer.store.cards import new_since
from quizzer.store.db import Store

# About six months of weeks: the heatmap's columns.
HEATMAP_WEEKS = 26
FORECAST_DAYS = 14


@dataclass(frozen=True)
class DayCount:
    """How many of something fell on one local day."""

    day: date
    count: int


def _shift(now: datetime, tz: tzinfo | None) -> str:
    """SQLite's modifier from UTC to the local time zone, at `now`'s offset (as the streak counts days)."""
    offset = now.astimezone(tz).utcoffset() or timedelta(0)
    return f"{int(offset.total_seconds() // 60):+d} minutes"


def start_of_day(now: datetime, tz: tzinfo | None) -> datetime:
    """Local midnight at the start of `now`'s local day, as an aware time."""
    local = now.astimezone(tz)
    return datetime.combine(local.date(), datetime.min.time(), local.tzinfo)


def new_today(store: Store, now: datetime, tz: tzinfo | None) -> int:
    """Questions first scheduled today (local day): what the daily limit of new questions counts."""
    return new_since(store, start_of_day(now, tz))


def heatmap(store: Store, now: datetime, tz: tzinfo | None, weeks: int = HEATMAP_WEEKS) -> tuple[DayCount, ...]:
    """Answers given per local day (skips and undone ratings left out), Monday `weeks` weeks back to today."""
    today = now.astimezone(tz).date()
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    since = datetime.combine(first, datetime.min.time(), now.astimezone(tz).tzinfo)
    # Grouped in SQL on the answered_at index: one row per day with practice, however long the history.
    rows = store.read("SELECT date(answered_at, ?) AS day, COUNT(*) AS n FROM attempts WHERE answered_at >= ?"
                      " AND verdict != 'skipped' AND undone_at IS NULL GROUP BY day",
                      (_shift(now, tz), since.astimezone(UTC).isoformat()))
    counts = {date.fromisoformat(str(r["day"])): int(r["n"]) for r in rows}
    return tuple(DayCount(first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
                 for i in range((today - first).days + 1))


def forecast(store: Store, now: datetime, tz: tzinfo | None, days: int = FORECAST_DAYS) -> tuple[DayCount, ...]:
    """Reviews due per local day from today for `days` days; overdue ones count as due today."""
    today = now.astimezone(tz).date()
    end = start_of_day(now, tz) + timedelta(days=days)
    rows = store.read("SELECT MAX(date(due, ?), ?) AS day, COUNT(*) AS n FROM cards WHERE due < ? GROUP BY 1",
                      (_shift(now, tz), today.isoformat(), end.astimezone(UTC).isoformat()))
    counts = {date.fromisoformat(str(r["day"])): int(r["n"]) for r in rows}
    return tuple(DayCount(today + timedelta(days=i), counts.get(today + timedelta(days=i), 0)) for i in range(days))
