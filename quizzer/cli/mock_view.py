"""How a mock interview looks: the plan and rules, the clock, and the scorecard."""

from __future__ import annotations

from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from quizzer.cli.console import fitting, labelled, narrow, out, term
from quizzer.cli.live_line import StatusLine
from quizzer.cli.practice_view import PracticeScreen
from quizzer.kinds import kind_of
from quizzer.messages import say
from quizzer.mock.plan import MockPlan, PlanItem
from quizzer.mock.scorecard import Scorecard, mmss
from quizzer.mock.view import LiveStatus
from quizzer.models import Lang, Question


def _live_text(s: LiveStatus, lang: Lang) -> str:
    """The status line: where the candidate is, the question's time against its budget, the round's time left."""
    budget = s.item.budget
    question = (say(lang, "mock.live.over", over=mmss(s.used - budget)) if s.over
                else say(lang, "mock.live.left", left=mmss(budget - s.used), budget=mmss(budget)))
    section = say(lang, f"section.{s.item.section}")
    return say(lang, "mock.live.line", index=s.index, total=s.total, section=section, question=question,
               left=mmss(s.left))


class MockScreen(PracticeScreen):
    """The mock's view (quizzer.mock.view.MockView): a practice screen with a clock."""

    def plan(self, p: MockPlan, practice: bool) -> None:
        """The round and its rules, before the clock starts."""
        t = self.t
        out.print(f"[bold]{t('mock.title')}[/] · " + escape(t("mock.header", track=p.track, minutes=f"{p.minutes:g}",
                                                                n=p.minutes) + " · " + t("mock.seed", seed=p.seed)))
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for col in ("#", t("mock.col.section"), t("mock.col.kind"), t("mock.col.topic"), t("mock.col.budget")):
            table.add_column(col)
        for i, item in enumerate(p.items, 1):
            table.add_row(str(i), t(f"section.{item.section}"), term(self.lang, "kind", item.question.kind),
                          item.question.topic, mmss(item.budget))
        out.print(table)
        if p.left_out:
            reasons = [t("mock.left_out.longer", section=t(f"section.{o.section}"), minutes=f"{o.from_minutes:g}")
                       if o.from_minutes is not None
                       else t("mock.left_out.none", section=t(f"section.{o.section}"), track=p.track)
                       for o in p.left_out]
            out.print(f"[yellow]{escape(t('mock.left_out', minutes=f'{p.minutes:g}'))}[/]{self.gap}"
                      + escape(t("mock.left_out.list", reasons=t("list.separator").join(reasons))))
        feedback = t("mock.feedback" if practice else "mock.strict")
        live = t("mock.live") if self.status_line.usable() else ""
        out.print(escape(t("mock.rules", live=live, feedback=feedback)))

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self.status_line = StatusLine()

    def live_start(self) -> None:
        """The live clock on the terminal's bottom row (nothing when the output is not a terminal)."""
        self.status_line.start()

    def live(self, status: LiveStatus) -> None:
        """Redraw the live clock: the question's time against its budget and the round's time left."""
        self.status_line.show(_live_text(status, self.lang), urgent=status.over)

    def budget_passed(self, status: LiveStatus) -> None:
        """The status line turns to a warning and the terminal bell rings once; nothing is printed over typing."""
        self.status_line.show(_live_text(status, self.lang), urgent=True, bell=True)

    def live_stop(self) -> None:
        """The whole screen scrolls again."""
        self.status_line.stop()

    def how_to_answer(self, q: Question) -> str | None:
        """As in practice, except the hand-write step, which says what to do once its starter is written."""
        return super().how_to_answer(q) if kind_of(q).typed else None

    def clock(self, index: int, item: PlanItem, left: float) -> None:
        """The clock line above each question."""
        out.print()
        section = self.t(f"section.{item.section}")
        out.rule(escape(self.t("mock.clock", index=index, section=section, budget=mmss(item.budget), left=mmss(left))),
                 align="left")

    def closed(self, reason: str) -> None:
        """A question ended without a graded answer."""
        out.print(f"[yellow]{escape(reason)}[/]")

    def scorecard(self, card: Scorecard, report_path: str) -> None:
        """The terminal scorecard."""
        out.print()
        t = self.t
        out.rule(t("mock.scorecard"), align="left")
        ended = t("mock.ended_early") if card.interrupted else ""
        out.print(f"[bold]{t('mock.overall', score=f'{card.overall:.0%}')}[/] · "
                  + t("mock.time_used", used=mmss(card.seconds_used), total=f"{card.plan.minutes:g}:00") + ended)
        for s in card.sections:
            name = t(f"section.{s.name}")
            name += " " * max(12 - cell_len(name), 0)  # padded by terminal cells: a Chinese character takes two
            out.print(f"  {name} {s.score:>4.0%}  " + t("mock.section_line", answered=s.answered, total=s.total))
        # The question id matters most; at a narrow width the columns that do not fit whole give way.
        names = ("#", "question", "status", "score", "time", "rated")
        cells: dict[str, list[str]] = {n: [t(f"mock.col.{n}") if n != "#" else n] for n in names}
        for i, r in enumerate(card.results, 1):
            over = f" [red]{t('mock.over')}[/]" if r.seconds > r.item.budget else ""
            rating = str(int(r.self_rating)) if r.self_rating else ""
            row = [str(i), r.item.question.id, term(self.lang, "verdict", r.status), f"{r.score:.0%}",
                   f"{mmss(r.seconds)} / {mmss(r.item.budget)}{over}", rating]
            for name, cell in zip(names, row, strict=True):
                cells[name].append(cell)
        columns = fitting(cells, ("question", "status", "score", "#", "time", "rated")) if narrow() else list(names)
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for col in columns:
            table.add_column(cells[col][0], no_wrap=True)
        for k in range(len(card.results)):
            table.add_row(*(cells[col][k + 1] for col in columns))
        out.print(table)
        for i, r in enumerate(card.results, 1):
            if r.follow_up is not None:
                out.print(f"  {i}. follow-up: {escape(r.follow_up.question)} → {escape(r.follow_up.summary)}")
        if any(kind_of(r.item.question).self_rated for r in card.results):
            out.print(f"[dim]{escape(t('mock.structure', structure=t('answer_structure')))}[/]")
        if card.study_next:
            out.print(labelled(self.lang, "study_next", "bold", ", ".join(card.study_next)))
        out.print(escape(t("mock.report", path=report_path)))
