"""How `stats` and `history` look."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, fitting, labelled, narrow, out, term
from quizzer.messages import say
from quizzer.practice.stats import Stats
from quizzer.store.attempts import Attempt

BAR = 20


def bar(rate: float) -> str:
    """A compact bar for a share between 0 and 1."""
    filled = round(rate * BAR)
    return "█" * filled + "·" * (BAR - filled)


def stats(s: Stats, lang: str = "en") -> None:
    """Progress by topic and kind, streak, due counts, weakest topics, calibration."""
    if not s.answered and not s.skipped and not s.unrated:
        out.print(say(lang, "stats.none"))
        return
    rate = f"{s.right / s.answered:.0%}" if s.answered else "–"
    unrated = say(lang, "stats.unrated", n=s.unrated) if s.unrated else ""
    # The templates hold no markup of their own; the counts are numbers, so the bold can go in as a field.
    out.print(say(lang, "stats.head", answered=f"[bold]{s.answered}[/]", right=s.right, rate=rate, skipped=s.skipped,
                  unrated=unrated, streak=counted(s.streak_days, "day", lang)))
    if s.unrated:
        out.print(f"[dim]{escape(say(lang, 'stats.unrated_note'))}[/]")
    out.print(say(lang, "stats.due", today=f"[bold]{s.due_today}[/]", week=s.due_week))
    out.print()
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in (say(lang, "stats.col.topic"), say(lang, "stats.col.accuracy"), "", say(lang, "stats.col.answered")):
        table.add_column(col)
    for a in s.by_topic:
        table.add_row(a.name, bar(a.rate), f"{a.rate:.0%}", str(a.answered))
    out.print(table)
    kinds = " · ".join(f"{term(lang, 'kind', a.name)} {a.right}/{a.answered}" for a in s.by_kind)
    out.print(escape(say(lang, "stats.by_kind", parts=kinds)))
    if s.weakest:
        out.print(labelled(lang, "study_next", "bold", ", ".join(f"{a.name} ({a.rate:.0%})" for a in s.weakest)))
    c = s.calibration
    if c.rated:
        parts = " · ".join(f"{say(lang, f'rating.{int(r)}')} {cov:.0%}" for r, cov in c.mean_coverage_by_rating.items())
        out.print(escape(say(lang, "stats.calibration", count=counted(c.rated, "concept_answer", lang), parts=parts)))
        if c.overrated:
            out.print(f"[yellow]{escape(say(lang, 'stats.overrated', n=c.overrated))}[/]")
        if c.underrated:
            out.print(escape(say(lang, "stats.underrated", n=c.underrated)))


# history's columns, most important first: at a narrow width those that fit whole are shown, so no id is cut.
HISTORY_PRIORITY = ("question", "verdict", "score", "when", "secs", "mode")
HISTORY_COLUMNS = ("when", "question", "verdict", "score", "secs", "mode", "answer")


def history(attempts: Sequence[Attempt], lang: str = "en") -> None:
    """The attempt log, newest first."""
    if not attempts:
        out.print(say(lang, "history.none"))
        return
    rows = []
    for a in attempts:
        answer = a.answer.splitlines()[0] if a.answer else ""
        verdict = term(lang, "verdict", a.verdict)
        if a.undone:
            verdict += say(lang, "history.undone")
        rows.append([a.answered_at.strftime("%Y-%m-%d %H:%M"), a.question_id, verdict,
                     f"{a.score:.2f}", f"{a.seconds:.0f}", term(lang, "mode", a.mode), escape(answer[:60])])
    cells = {col: [say(lang, f"history.col.{col}"), *(row[i] for row in rows)]
             for i, col in enumerate(HISTORY_COLUMNS)}
    columns = fitting(cells, HISTORY_PRIORITY) if narrow() else list(HISTORY_COLUMNS)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in columns:
        table.add_column(cells[col][0], no_wrap=col != "answer", overflow="ellipsis")
    for r in range(len(rows)):
        table.add_row(*(cells[col][r + 1] for col in columns))
    out.print(table)
