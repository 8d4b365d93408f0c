"""How the practice loop looks: questions, verdicts, key points, ratings and the summary."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from rich.markup import escape

from quizzer.cli import judge_view
from quizzer.cli.browse_view import answer_frame
from quizzer.cli.check_view import show_review
from quizzer.cli.console import counted, labelled, out, term
from quizzer.judge.verdict import Verdict
from quizzer.kinds import kind_of
from quizzer.messages import Said, say
from quizzer.models import Lang, Question, Rating
from quizzer.practice.followup import FollowUp
from quizzer.practice.loop import Tally
from quizzer.practice.session import Asked, Outcome

# Units for "again in ...", largest first: (seconds, catalog key).
WAIT_UNITS = ((86400, "wait.day"), (3600, "wait.hour"), (60, "wait.minute"))


def wait_in_words(wait: timedelta, lang: Lang) -> str:
    """'again in 4 days' / '下次复习：4 天后', rounded to the largest unit that fits (at least a minute)."""
    seconds = max(60.0, wait.total_seconds())
    # A wait of 23.6 hours reads as '1 day', not '24 hours': a unit is used from 95% of it.
    size, key = next(unit for unit in WAIT_UNITS if seconds >= unit[0] * 0.95 or unit[0] == 60)
    return say(lang, key, n=max(1, round(seconds / size)))


def new_limit_line(limit: int, held_back: int, lang: Lang) -> str:
    """The one line said when the daily limit of new questions shortens or stops a session."""
    return say(lang, "practice.new_limit", n=limit, held_back=held_back)


MARKS = {Rating.GOOD: "[green]✓[/]", Rating.HARD: "[yellow]~[/]"}

# A verdict word at the start of a grader's message repeats the ✓/✗ line it is printed on.
VERDICT_WORDS = ("correct", "not quite", "正确", "不对")


def _reason(message: str) -> str:
    """The grader's message without a leading 'Correct:' or 'Not quite:' (the verdict line says it already)."""
    text = message.strip()
    for word in VERDICT_WORDS:
        rest = text[len(word):]
        if text.lower().startswith(word) and (not rest or rest[0] in ":："):
            return rest[1:].strip()
    return text


class PracticeScreen:
    """The practice loop's view (quizzer.practice.view.PracticeView) in Rich, in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    @property
    def gap(self) -> str:
        """What follows a label's colon: a space in English, nothing after a full-width '：'."""
        return "" if self.lang == "zh" else " "

    def t(self, key: str, **fields: object) -> str:
        """The catalog message `key` in the screen's language."""
        return say(self.lang, key, **fields)

    def header(self, total: int, path: str) -> None:
        """Session start."""
        out.print(f"[bold]{self.t('practice.title')}[/] · "
                  + escape(self.t("practice.header", count=counted(total, "question", self.lang), path=path)))
        out.print(f"[dim]{escape(self.t('practice.help'))}[/]")

    def question(self, asked: Asked, sources: Mapping[str, str]) -> None:
        """One question with its source and how to answer."""
        q = asked.question
        out.print()
        out.rule(escape(self.t("practice.rule", index=asked.index, total=asked.total, topic=q.topic,
                               kind=term(self.lang, "kind", q.kind), difficulty=q.difficulty)), align="left")
        cited = "; ".join(sources.get(key, key) for key in q.source)
        out.print(f"[dim]{escape(self.t('source', cited=cited))}[/]")
        out.print(escape(asked.prompt))
        answer_frame(q, self.lang)
        how = self.how_to_answer(q)
        if how:
            out.print(f"[dim]{escape(how)}[/]")

    def how_to_answer(self, q: Question) -> str | None:
        """The line under a question that says how to answer it."""
        return kind_of(q).how_to_answer(q, self.lang)

    def note(self, text: str) -> None:
        """A short line: a hint, an unreadable answer, a reminder."""
        out.print(f"[yellow]{escape(text)}[/]")

    def say(self, text: str) -> None:
        """A plain line."""
        out.print(escape(text))

    def help(self) -> None:
        """The prompt's commands."""
        self.note(self.t("practice.help"))

    def verdict(self, outcome: Outcome) -> None:
        """Right or wrong, why, the reference and the worked explanation; a skip shows the answer too."""
        reason = _reason(outcome.message)
        if outcome.verdict == "correct":
            out.print(f"[green]{self.t('mark.correct')}[/]  {escape(reason)}".rstrip())
        elif outcome.verdict == "skipped":
            out.print(f"[yellow]{self.t('mark.skipped')}[/]")
        else:
            out.print(f"[red]{self.t('mark.wrong')}[/]  {escape(reason)}".rstrip())
        if outcome.hint:
            out.print(labelled(self.lang, "hint", "yellow", escape(outcome.hint)))
        q = outcome.asked.question
        kind = kind_of(q)
        if kind.self_rated:
            if outcome.verdict == "skipped":
                self.review(outcome)
        elif not kind.typed:
            self.solution(outcome)
        else:
            if outcome.reference not in reason:  # a numeric verdict already names the expected value
                out.print(labelled(self.lang, "answer", "", f"[bold]{escape(outcome.reference)}[/]"))
            note = kind.wrong_note(q, self.lang) if outcome.verdict == "wrong" else None
            if note:
                out.print(f"[dim]{escape(note)}[/]")
        if outcome.explanation:
            out.print(f"[dim]{escape(outcome.explanation)}[/]")

    def review(self, outcome: Outcome) -> None:
        """The reference answer and the key points, those the answer covered marked (all listed after a skip)."""
        q = outcome.asked.question
        review = kind_of(q).review(q, outcome.detail, self.lang)
        if review is None:
            return
        show_review(review, outcome.message, self.lang)
        for follow in q.follow_ups:
            out.print(f"[dim]{escape(self.t('follow_up', text=follow.get(self.lang)))}[/]")

    def solution(self, outcome: Outcome) -> None:
        """A hand-write question's reference solution, to read once the candidate has tried."""
        if not outcome.reference:
            return
        from rich.syntax import Syntax  # Pygments loads only when a solution is shown

        out.print(f"[bold]{self.t('reference_solution')}[/]")
        # Code is never re-flowed or cut at the screen's edge: a long line is left for the terminal to wrap.
        out.print(Syntax(outcome.reference, "python", theme="ansi_dark", background_color="default"), soft_wrap=True)

    def rating_menu(self, suggested: Rating) -> None:
        """The Again/Hard/Good/Easy keys with Anki's meanings, suggestion marked."""
        items = [self.t("rate.item", n=int(r), label=self.t(f"rating.{int(r)}"),
                        meaning=self.t(f"rating_meaning.{int(r)}")) for r in Rating]
        out.print(escape(self.t("rate.menu", items=" · ".join(items), n=int(suggested),
                                label=self.t(f"rating.{int(suggested)}"))))

    def next_due(self, wait: timedelta) -> None:
        """When the question comes back, in words."""
        out.print(f"[dim]{escape(wait_in_words(wait, self.lang))}[/]")

    def judged(self, verdict: Verdict) -> None:
        """The judge's report on the candidate's file."""
        judge_view.verdict(verdict)

    def problem(self, message: str | Said) -> None:
        """A file the judge could not grade."""
        judge_view.problem(message)

    def follow_up(self, question: str) -> None:
        """The interviewer's follow-up, answered like a concept question."""
        out.print(f"[bold]{self.t('followup.asks')}[/] {escape(question)}")
        out.print(f"[dim]{escape(self.t('followup.how'))}[/]")

    def follow_up_result(self, exchange: FollowUp) -> None:
        """The LLM's rating of the follow-up reply, or why there is none."""
        mark = "[dim]-[/]" if exchange.rating is None else MARKS.get(exchange.rating, "[red]✗[/]")
        out.print(f"{mark} {self.t('followup.answer')} {escape(exchange.summary)}")

    def summary(self, tally: Tally, saved_to: str, interrupted: bool) -> None:
        """The end of a session: how it went and where it is saved."""
        out.print()
        label = self.t("summary.stopped" if interrupted else "summary.done")
        out.print(escape(self.t("summary", label=label, answered=tally.answered, right=tally.right,
                                skipped=tally.skipped, path=saved_to)))
