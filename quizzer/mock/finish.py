"""Finishing a mock: score it, write the Markdown report (data folder, and --report), store the mock."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from quizzer.errors import QuizzerError
from quizzer.messages import Said
from quizzer.mock.loop import MockLoop
from quizzer.mock.markdown import to_markdown
from quizzer.mock.scorecard import Scorecard, score
from quizzer.models import Lang
from quizzer.store import Store
from quizzer.store.db import data_dir, utcnow
from quizzer.store.mocks import save_mock


def check_report(report: Path, force: bool) -> None:
    """Before the clock starts: refuse a --report path the scorecard cannot go to, or an existing file unless forced."""
    if report.is_dir():
        raise QuizzerError(Said("report.folder", {"report": report, "example": report / "mock.md"}))
    if report.exists() and not force:
        raise QuizzerError(Said("report.exists", {"report": report}))
    folder = report.parent
    if not folder.is_dir():
        raise QuizzerError(Said("report.no_folder", {"report": report, "folder": folder}))
    if not os.access(folder, os.W_OK) or (report.exists() and not os.access(report, os.W_OK)):
        raise QuizzerError(Said("report.unwritable", {"report": report}))


def finish(loop: MockLoop, store: Store, lang: Lang, started_utc: datetime, report: Path | None,
           interrupted: bool) -> tuple[Scorecard, Path]:
    """The scorecard and where its report was written (`report` when given, else the data folder's copy)."""
    loop.fill_not_reached()
    card = score(loop.plan, loop.results, min(loop.clock() - loop.start, loop.plan.minutes * 60), interrupted)
    text = to_markdown(card, lang, started_utc)
    folder = data_dir() / "mocks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{started_utc.strftime('%Y%m%d-%H%M%S')}-{loop.mock_id}.md"
    path.write_text(text, encoding="utf-8")
    if report is not None:
        try:
            report.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise QuizzerError(f"cannot write the report to {report}: {exc.strerror} (a copy is in {path})") from exc
    summary = {"overall": card.overall, "sections": {s.name: s.score for s in card.sections},
               "items": [{"id": r.item.question.id, "status": r.status, "score": r.score, "seconds": r.seconds,
                          "budget": r.item.budget}
                         | ({"follow_up": {"question": r.follow_up.question, "answer": r.follow_up.answer,
                                           "rating": None if r.follow_up.rating is None else int(r.follow_up.rating)}}
                            if r.follow_up is not None else {})
                         for r in card.results]}
    save_mock(store, loop.mock_id, started_utc, utcnow(), loop.plan.minutes, loop.plan.track, loop.plan.seed,
              card.overall, str(report or path), summary)
    return card, report or path
