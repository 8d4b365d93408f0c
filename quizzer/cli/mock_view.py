"""How a mock interview looks: the plan and rules, the clock, and the scorecard."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import out
from quizzer.cli.live_line import StatusLine
from quizzer.cli.practice_view import PracticeScreen
from quizzer.kinds import kind_of
from quizzer.mock.plan import MockPlan, PlanItem
from quizzer.mock.scorecard import ANSWER_STRUCTURE, Scorecard, mmss
from quizzer.mock.view import LiveStatus
from quizzer.models import Lang, Question


def _live_text(s: LiveStatus) -> str:
    """The status line: where the candidate is, the question's time against its budget, the round's time left."""
    budget = s.item.budget
    question = (f"question over budget by {mmss(s.used - budget)}: wrap up" if s.over
                else f"question {mmss(budget - s.used)} left of {mmss(budget)}")
    return f" {s.index}/{s.total} {s.item.section} · {question} · round {mmss(s.left)} left "


class MockScreen(PracticeScreen):
    """The mock's view (quizzer.mock.view.MockView): a practice screen with a clock."""

    def plan(self, p: MockPlan, practice: bool) -> None:
        """The round and its rules, before the clock starts."""
        out.print(f"[bold]Mock interview[/] · {p.track} track · {p.minutes:g} minute{'s' if p.minutes != 1 else ''} · "
                  f"seed {p.seed}")
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for col in ("#", "section", "kind", "topic", "budget"):
            table.add_column(col)
        for i, item in enumerate(p.items, 1):
            table.add_row(str(i), item.section, item.question.kind, item.question.topic, mmss(item.budget))
        out.print(table)
        if p.left_out:
            out.print(f"[yellow]Left out of this {p.minutes:g}-minute mock:[/] " + "; ".join(
                f"{o.section} (mocks of {o.from_minutes:g} minutes or more have it)" if o.from_minutes is not None
                else f"{o.section} (the banks have no question for it on the {p.track} track)"
                for o in p.left_out) + ".")
        feedback = "Feedback after each answer (--practice)" if practice else "No feedback until the end (strict)"
        live = " (the terminal's bottom line counts both down)" if self.status_line.usable() else ""
        out.print(f"Rules: one clock for the whole round; each question shows its budget{live}. When time runs out "
                  f"the current question closes and the rest are not reached. {feedback}. Concept answers end with an "
                  f"empty line; :skip moves on, :quit ends early (Ctrl-C too); everything answered is scored and "
                  f"saved.")

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self.status_line = StatusLine()

    def live_start(self) -> None:
        """The live clock on the terminal's bottom row (nothing when the output is not a terminal)."""
        self.status_line.start()

    def live(self, status: LiveStatus) -> None:
        """Redraw the live clock: the question's time against its budget and the round's time left."""
        self.status_line.show(_live_text(status), urgent=status.over)

    def budget_passed(self, status: LiveStatus) -> None:
        """The status line turns to a warning and the terminal bell rings once; nothing is printed over typing."""
        self.status_line.show(_live_text(status), urgent=True, bell=True)

    def live_stop(self) -> None:
        """The whole screen scrolls again."""
        self.status_line.stop()

    def how_to_answer(self, q: Question) -> str | None:
        """As in practice, except the hand-write step, which says what to do once its starter is written."""
        return super().how_to_answer(q) if kind_of(q).typed else None

    def clock(self, index: int, item: PlanItem, left: float) -> None:
        """The clock line above each question."""
        out.print()
        out.rule(f"{index} · {item.section} · budget {mmss(item.budget)} · time left {mmss(left)}", align="left")

    def closed(self, reason: str) -> None:
        """A question ended without a graded answer."""
        out.print(f"[yellow]{escape(reason)}[/]")

    def scorecard(self, card: Scorecard, report_path: str) -> None:
        """The terminal scorecard."""
        out.print()
        out.rule("Scorecard", align="left")
        out.print(f"[bold]Overall {card.overall:.0%}[/] · time used {mmss(card.seconds_used)} of "
                  f"{card.plan.minutes:g}:00" + (" · ended early" if card.interrupted else ""))
        for s in card.sections:
            out.print(f"  {s.name:<12} {s.score:>4.0%}  ({s.answered}/{s.total} answered)")
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for col in ("#", "question", "status", "score", "time/budget", "rated"):
            table.add_column(col, no_wrap=True)
        for i, r in enumerate(card.results, 1):
            over = " [red]over[/]" if r.seconds > r.item.budget else ""
            rating = str(int(r.self_rating)) if r.self_rating else ""
            table.add_row(str(i), r.item.question.id, r.status, f"{r.score:.0%}",
                          f"{mmss(r.seconds)} / {mmss(r.item.budget)}{over}", rating)
        out.print(table)
        for i, r in enumerate(card.results, 1):
            if r.follow_up is not None:
                out.print(f"  {i}. follow-up: {escape(r.follow_up.question)} → {escape(r.follow_up.summary)}")
        if any(kind_of(r.item.question).self_rated for r in card.results):
            out.print(f"[dim]Good concept answers run {ANSWER_STRUCTURE}; the report lists the key points and "
                      f"follow-ups.[/]")
        if card.study_next:
            out.print("[bold]study next:[/] " + ", ".join(card.study_next))
        out.print(f"report: {escape(report_path)}")
