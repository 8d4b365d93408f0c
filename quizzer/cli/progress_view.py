"""How `stats` and `history` look."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import counted, out
from quizzer.practice.stats import Stats
from quizzer.store.attempts import Attempt

BAR = 20


def bar(rate: float) -> str:
    """A compact bar for a share between 0 and 1."""
    filled = round(rate * BAR)
    return "█" * filled + "·" * (BAR - filled)


def stats(s: Stats) -> None:
    """Progress by topic and kind, streak, due counts, weakest topics, calibration."""
    if not s.answered and not s.skipped and not s.unrated:
        out.print("No answers yet: run 'quizzer practice' to start.")
        return
    rate = f"{s.right / s.answered:.0%}" if s.answered else "–"
    unrated = f" · {s.unrated} unrated" if s.unrated else ""
    out.print(f"[bold]{s.answered}[/] answered · {s.right} right ({rate}) · {s.skipped} skipped{unrated} · "
              f"streak {counted(s.streak_days, 'day')}")
    if s.unrated:
        out.print("[dim]unrated: concept answers left without a self-rating count as neither right nor wrong and "
                  "are not scheduled for review ('quizzer history' lists them)[/]")
    out.print(f"reviews due today: [bold]{s.due_today}[/] · in the next 7 days: {s.due_week}")
    out.print()
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in ("topic", "accuracy", "", "answered"):
        table.add_column(col)
    for a in s.by_topic:
        table.add_row(a.name, bar(a.rate), f"{a.rate:.0%}", str(a.answered))
    out.print(table)
    out.print("by kind: " + " · ".join(f"{a.name} {a.right}/{a.answered}" for a in s.by_kind))
    if s.weakest:
        out.print("[bold]study next:[/] " + ", ".join(f"{a.name} ({a.rate:.0%})" for a in s.weakest))
    c = s.calibration
    if c.rated:
        parts = [f"{r.label} {cov:.0%}" for r, cov in c.mean_coverage_by_rating.items()]
        out.print(f"self-rating vs key points covered ({counted(c.rated, 'concept answer')}): " + " · ".join(parts))
        if c.overrated:
            out.print(f"[yellow]{c.overrated} rated Good/Easy while covering under half the key points[/]")
        if c.underrated:
            out.print(f"{c.underrated} rated Again/Hard while covering most key points: you know more than you think")


def history(attempts: Sequence[Attempt]) -> None:
    """The attempt log, newest first."""
    if not attempts:
        out.print("No answers yet.")
        return
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for col in ("when (UTC)", "question", "verdict", "score", "secs", "mode", "answer"):
        table.add_column(col, no_wrap=col != "answer", overflow="ellipsis")
    for a in attempts:
        answer = a.answer.splitlines()[0] if a.answer else ""
        verdict = f"{a.verdict} (undone)" if a.undone else a.verdict
        table.add_row(a.answered_at.strftime("%Y-%m-%d %H:%M"), a.question_id, verdict, f"{a.score:.2f}",
                      f"{a.seconds:.0f}", a.mode, escape(answer[:60]))
    out.print(table)
