"""The review log FSRS learns from: every rated, scheduled answer, per card, oldest first."""

from __future__ import annotations

import csv
import io
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quizzer.models import Lang, Rating, in_lang
from quizzer.practice.scheduler import card_id, scheduler
from quizzer.store import fsrs_params
from quizzer.store.db import Store
from quizzer.store.exchange import refuse_overwrite
from quizzer.store.exchange_check import ExchangeError

# fsrs.Optimizer learns only from reviews a day or more after the card's previous one, among each card's first
# 64 reviews, and returns the default parameters unchanged below one mini-batch of them (fsrs/optimizer.py).
MIN_GAP_DAYS = 1
MAX_SEQ_LEN = 64
MIN_REVIEWS = 512
# The review-log columns the FSRS optimizer reads (fsrs-optimizer's review_logs schema).
CSV_COLUMNS = ("card_id", "review_time", "review_rating", "review_state", "review_duration")
NEW = 0  # review_state of a card's first review; fsrs.State numbers the rest (1 learning, 2 review, 3 relearning)


@dataclass(frozen=True)
class Review:
    """One review: which card, when, the rating and how long the answer took."""

    question_id: str
    card_id: int
    at: datetime
    rating: Rating
    seconds: float


def reviews(store: Store) -> list[Review]:
    """The answers that moved a card (rated, not skipped, not cram, not undone: what still stands), oldest first."""
    rows = store.read("SELECT question_id, answered_at, rating, seconds FROM attempts"
                      " WHERE rating IS NOT NULL AND verdict != 'skipped' AND mode != 'cram' AND undone_at IS NULL"
                      " ORDER BY answered_at, id")
    return [Review(str(r["question_id"]), card_id(str(r["question_id"])), datetime.fromisoformat(str(r["answered_at"])),
                   Rating(int(r["rating"])), float(r["seconds"])) for r in rows]


def by_card(log: Sequence[Review]) -> dict[int, list[Review]]:
    """Reviews grouped per card, each group oldest first."""
    groups: dict[int, list[Review]] = defaultdict(list)
    for r in sorted(log, key=lambda r: r.at):
        groups[r.card_id].append(r)
    return dict(groups)


def learnable(log: Sequence[Review]) -> int:
    """How many reviews the optimizer learns from (the count it needs MIN_REVIEWS of)."""
    count = 0
    for group in by_card(log).values():
        group = group[:MAX_SEQ_LEN]
        count += sum(1 for before, r in itertools.pairwise(group) if (r.at - before.at).days >= MIN_GAP_DAYS)
    return count


def fsrs_csv(log: Sequence[Review], parameters: Sequence[float] | None = None) -> str:
    """The review log as CSV in the optimizer's columns; each review's state is the card's state before it."""
    import fsrs

    sched = scheduler(parameters, fuzz=False)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = []
    for cid, group in by_card(log).items():
        card = None
        for r in group:
            state = NEW if card is None else int(card.state)
            card = card or fsrs.Card(card_id=cid, due=r.at)
            card, _ = sched.review_card(card, fsrs.Rating(int(r.rating)), review_datetime=r.at)
            rows.append((int(r.at.timestamp() * 1000), cid, int(r.rating), state, round(r.seconds * 1000)))
    for ms, cid, rating, state, duration in sorted(rows):
        writer.writerow((cid, ms, rating, state, duration))
    return out.getvalue()


def write_csv(store: Store, path: Path, force: bool = False, lang: Lang = "en") -> int:
    """Write the review log to `path` as the optimizer's CSV (states replayed with the parameters in use)."""
    refuse_overwrite(path, force, lang)
    log = reviews(store)
    saved = fsrs_params.load(store)
    try:
        path.write_text(fsrs_csv(log, saved.parameters if saved else None), encoding="utf-8")
    except OSError as exc:
        raise ExchangeError(in_lang(lang, f"cannot write {path}: {exc.strerror}",
                                    f"无法写入 {path}：{exc.strerror}")) from None
    return len(log)
