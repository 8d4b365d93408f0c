"""Personal FSRS parameters: fitted on the review log, compared with the defaults on the same reviews."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quizzer.errors import QuizzerError
from quizzer.models import Lang, Rating, in_lang
from quizzer.practice.reviewlog import MAX_SEQ_LEN, MIN_GAP_DAYS, MIN_REVIEWS, Review, by_card, learnable, reviews
from quizzer.practice.scheduler import scheduler
from quizzer.store import fsrs_params
from quizzer.store.db import Store

CURVE_DAYS = (1, 3, 7, 14, 30)
BANDS = (1, 3, 7, 14, 30)  # lower bounds, in days, of the interval bands recall is compared in
EXTRA = "pip install 'quizzer[optimize]'"


class OptimizeError(QuizzerError):
    """The parameters cannot be fitted (too few reviews, or the optimizer is not installed)."""


@dataclass(frozen=True)
class CurvePoint:
    """Predicted recall `days` after a card's first review rated Good."""

    days: int
    default: float
    personal: float


@dataclass(frozen=True)
class IntervalRecall:
    """Reviews made `low` to `high` days after the card's previous one: recall seen, and predicted by each set."""

    low: int
    high: int | None  # None: no upper bound
    reviews: int
    observed: float
    default: float
    personal: float


@dataclass(frozen=True)
class Fit:
    """Fitted parameters, what they were fitted on, and how both parameter sets predict the user's reviews."""

    parameters: tuple[float, ...]
    reviews: int  # reviews the optimizer learned from (a day or more after the card's previous review)
    total_reviews: int
    log_loss_default: float
    log_loss_personal: float
    curve: tuple[CurvePoint, ...]
    intervals: tuple[IntervalRecall, ...]


def _require_optimizer(lang: Lang) -> None:
    from importlib.util import find_spec

    # fsrs.Optimizer needs these and says so only when called; looked up, not imported, until the fit runs.
    if any(find_spec(name) is None for name in ("torch", "pandas", "tqdm")):
        raise OptimizeError(in_lang(lang, f"the FSRS optimizer is not installed: {EXTRA}",
                                    f"未安装 FSRS 优化器：{EXTRA}"))


def predictions(log: Sequence[Review], parameters: Sequence[float] | None) -> list[tuple[float, bool, float]]:
    """(days since the card's previous review, recalled, predicted recall) for each review the optimizer learns from.

    Recalled means rated above Again, as the optimizer counts it.
    """
    import fsrs

    sched = scheduler(parameters, fuzz=False)
    out = []
    for cid, group in by_card(log).items():
        card = fsrs.Card(card_id=cid, due=group[0].at)
        for r in group[:MAX_SEQ_LEN]:
            if card.last_review and (r.at - card.last_review).days >= MIN_GAP_DAYS:
                p = min(max(float(sched.get_card_retrievability(card, r.at)), 1e-9), 1 - 1e-9)
                out.append(((r.at - card.last_review).total_seconds() / 86400, r.rating != Rating.AGAIN, p))
            card, _ = sched.review_card(card, fsrs.Rating(int(r.rating)), review_datetime=r.at)
    return out


def log_loss(predicted: Sequence[tuple[float, bool, float]]) -> float:
    """Mean log loss of the predicted recall against what happened."""
    if not predicted:
        return 0.0
    return -sum(math.log(p) if recalled else math.log(1 - p) for _, recalled, p in predicted) / len(predicted)


def by_interval(default: Sequence[tuple[float, bool, float]],
                personal: Sequence[tuple[float, bool, float]]) -> tuple[IntervalRecall, ...]:
    """Observed recall per interval band beside the mean each parameter set predicted (same reviews, same order)."""
    bands = []
    for low, high in zip(BANDS, (*BANDS[1:], None)):
        picked = [i for i, (days, _, _) in enumerate(default) if days >= low and (high is None or days < high)]
        if picked:
            bands.append(IntervalRecall(
                low, high, len(picked), sum(default[i][1] for i in picked) / len(picked),
                sum(default[i][2] for i in picked) / len(picked), sum(personal[i][2] for i in picked) / len(picked)))
    return tuple(bands)


def recall_after(parameters: Sequence[float] | None, days: int, start: datetime) -> float:
    """Predicted recall `days` after a first review rated Good."""
    import fsrs

    sched = scheduler(parameters, fuzz=False)
    card, _ = sched.review_card(fsrs.Card(card_id=1, due=start), fsrs.Rating.Good, review_datetime=start)
    return float(sched.get_card_retrievability(card, start + timedelta(days=days)))


def fit(log: Sequence[Review], lang: Lang = "en") -> Fit:
    """Fit parameters on `log`; an OptimizeError below the optimizer's minimum or without its extra."""
    counted = learnable(log)
    if counted < MIN_REVIEWS:
        raise OptimizeError(in_lang(
            lang, f"not enough reviews to fit your own parameters yet: the FSRS optimizer needs {MIN_REVIEWS} reviews "
                  f"made a day or more after the card's previous one, and your history has {counted}; "
                  f"keep practising (the defaults stay in use)",
            f"复习记录还不够，暂时无法拟合个人参数：FSRS 优化器需要 {MIN_REVIEWS} 次与上次复习间隔一天以上的复习，"
            f"你目前有 {counted} 次；请继续练习（在此之前使用默认参数）"))
    _require_optimizer(lang)
    import fsrs

    optimizer = fsrs.Optimizer([fsrs.ReviewLog(card_id=r.card_id, rating=fsrs.Rating(int(r.rating)),
                                               review_datetime=r.at, review_duration=round(r.seconds * 1000))
                                for r in log])
    parameters = tuple(float(x) for x in optimizer.compute_optimal_parameters())
    start = log[0].at
    curve = tuple(CurvePoint(d, recall_after(None, d, start), recall_after(parameters, d, start)) for d in CURVE_DAYS)
    default, personal = predictions(log, None), predictions(log, parameters)
    return Fit(parameters, counted, len(log), log_loss(default), log_loss(personal), curve,
               by_interval(default, personal))


def optimize(store: Store, now: datetime, lang: Lang = "en") -> Fit:
    """Fit on the store's review log and save the parameters; practice schedules with them from then on."""
    result = fit(reviews(store), lang)
    fsrs_params.save(store, result.parameters, result.reviews, now)
    return result
