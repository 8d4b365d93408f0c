"""How export, import and optimize report what they did."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, out
from quizzer.export.anki import AnkiExport
from quizzer.messages import say
from quizzer.models import Lang
from quizzer.practice.personal import Fit
from quizzer.store.exchange import Exported, Merged


def anki_written(r: AnkiExport, lang: Lang) -> None:
    """`export anki`."""
    out.print(escape(say(lang, "export.anki", notes=counted(r.notes, "note", lang),
                           decks=counted(len(r.decks), "deck", lang), path=r.path)))


def history_written(r: Exported, lang: Lang) -> None:
    """`export history`."""
    out.print(escape(say(lang, "export.history", attempts=counted(r.attempts, "attempt", lang),
                           cards=counted(r.cards, "card", lang), mocks=counted(r.mocks, "mock", lang), path=r.path,
                           name=r.path.name)))


def review_log_written(path: Path, reviews: int, lang: Lang) -> None:
    """`export history --format fsrs-csv`."""
    out.print(escape(say(lang, "export.review_log", reviews=counted(reviews, "review", lang), path=path)))


def merged(m: Merged, lang: Lang) -> None:
    """`import`: what was added, updated and already there."""
    if not m.changed:
        out.print(escape(say(lang, "import.nothing_new", path=m.path)))
        return
    out.print(escape(say(lang, "import.merged", path=m.path, attempts_added=counted(m.attempts_added, "attempt", lang),
                         attempts_known=m.attempts_known, cards_added=m.cards_added, cards_updated=m.cards_updated,
                         cards_kept=m.cards_kept, mocks_added=counted(m.mocks_added, "mock", lang))))


def fit(f: Fit, lang: Lang) -> None:
    """`optimize`: the two forgetting curves and how well each predicts the user's reviews."""
    out.print(say(lang, "optimize.fitted", reviews=f.reviews, total=f.total_reviews))
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(say(lang, "optimize.col.recall"))
    for p in f.curve:
        table.add_column(say(lang, "optimize.col.days", days=p.days), justify="right")
    table.add_column(say(lang, "optimize.col.log_loss"), justify="right")
    table.add_row(say(lang, "optimize.row.default"), *(f"{p.default:.0%}" for p in f.curve),
                  f"{f.log_loss_default:.4f}")
    table.add_row(say(lang, "optimize.row.yours"), *(f"{p.personal:.0%}" for p in f.curve),
                  f"{f.log_loss_personal:.4f}")
    out.print(table)
    if f.intervals:
        out.print()
        bands = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        bands.add_column(say(lang, "optimize.col.since"))
        for key in ("reviews", "recalled", "default", "yours"):
            bands.add_column(say(lang, f"optimize.col.{key}"), justify="right")
        for b in f.intervals:
            span = f"{b.low}-{b.high - 1}" if b.high is not None else f"{b.low}+"
            bands.add_row(span, str(b.reviews), f"{b.observed:.0%}", f"{b.default:.0%}", f"{b.personal:.0%}")
        out.print(bands)
