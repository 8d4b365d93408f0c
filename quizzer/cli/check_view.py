"""How `check` and `calc` look."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from rich.markup import escape

from quizzer.cli import judge_view
from quizzer.cli.console import labelled, out
from quizzer.grading.choice import ChoiceVerdict
from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict
from quizzer.judge.verdict import Verdict
from quizzer.kinds import Graded, Review, kind_of
from quizzer.messages import say
from quizzer.models import Lang, Question

MARKS = {"correct": "[green]✓[/]", "partial": "[yellow]~[/]", "wrong": "[red]✗[/]"}


@dataclass(frozen=True)
class QuestionCheck:
    """`check --question`: the kind's grade, settled to correct/partial/wrong, and what it is set against."""

    question: Question
    graded: Graded
    verdict: str  # correct | partial | wrong
    review: Review | None  # the key points and misconceptions of a self-rated kind
    grader: str  # keypoints (concept), judge (code), else the kind's name
    lang: Lang


def check_result(v: NumericVerdict | FormulaVerdict, lang: Lang = "en") -> None:
    """`quizzer check`: the verdict in one line, then the hint."""
    out.print(f"{'[green]✓[/]' if v.correct else '[red]✗[/]'} {escape(v.message)}")
    if v.hint:
        out.print(labelled(lang, "hint", "yellow", escape(v.hint)))
    sys.stdout.flush()


def question_check(c: QuestionCheck) -> None:
    """`check --question`: the verdict as practice shows it, then what the answer is set against."""
    q, graded = c.question, c.graded
    kind = kind_of(q)
    if isinstance(graded.detail, Verdict):
        judge_view.verdict(graded.detail)
        return
    if c.review is not None:
        rating = graded.suggested_rating
        line = say(c.lang, "check.suggested", verdict=say(c.lang, f"verdict.{c.verdict}"), message=graded.message,
                   n=int(rating), label=say(c.lang, f"rating.{int(rating)}"))
        out.print(f"{MARKS[c.verdict]} {escape(line)}")
        show_review(c.review, lang=c.lang)
        for follow in q.follow_ups:
            out.print(f"[dim]{escape(say(c.lang, 'follow_up', text=follow.get(c.lang)))}[/]")
        sys.stdout.flush()
        return
    message = graded.message
    if isinstance(graded.detail, ChoiceVerdict):
        message = say(c.lang, "check.picked", message=message, picked=", ".join(graded.detail.picked))
    out.print(f"{MARKS[c.verdict]} {escape(message)}")
    if graded.hint:
        out.print(labelled(c.lang, "hint", "yellow", escape(graded.hint)))
    if c.verdict != "correct":
        out.print(labelled(c.lang, "answer", "", f"[bold]{escape(kind.reference(q, None, c.lang))}[/]"))
        note = kind.wrong_note(q, c.lang)
        if note:
            out.print(f"[dim]{escape(note)}[/]")
        explanation = kind.explanation(q, c.lang)
        if explanation:
            out.print(f"[dim]{escape(explanation)}[/]")
    sys.stdout.flush()


def show_review(review: Review, summary: str | None = None, lang: Lang = "en") -> None:
    """The reference answer, each key point covered or missed (listed plainly when nothing was answered), and
    each misconception the answer asserted with its correction; shared by check, practice and the mock."""
    out.print(f"[bold]{say(lang, 'review.reference')}[/]")
    out.print(escape(review.reference))
    points = say(lang, "review.points")
    shown = say(lang, "review.points_summary", summary=summary) if summary and review.covered else ""
    out.print(f"[bold]{points}[/]{' ' if lang != 'zh' and shown else ''}{escape(shown)}")
    for point, hit in zip(review.points, review.covered or (None,) * len(review.points), strict=True):
        mark = "-" if hit is None else "[green]✓[/]" if hit else "[red]✗[/]"
        essential = say(lang, "review.essential")
        star = f"{'' if essential.startswith('（') else ' '}[bold]{essential}[/]" if point.essential else ""
        out.print(f" {mark} {escape(point.text)}{star}")
    for claim, correction in review.misconceptions:
        out.print(f"[red]{say(lang, 'review.misconception')}[/] {escape(claim)}")
        if correction:  # a misconception the LLM named that the bank does not list comes without one
            out.print(f"  [green]{say(lang, 'review.in_fact')}[/] {escape(correction)}")
    if review.grader == "llm":
        out.print(f"[dim]{say(lang, 'review.by_llm')}[/]")
    if review.other_opinion:  # a sharp disagreement: the candidate sees both judgements
        out.print(f"[yellow]{say(lang, 'review.other_opinion')}[/] "
                  f"{escape(review.other_opinion)}")
    if review.note:
        out.print(f"[yellow]{say(lang, 'review.note')}[/] {escape(review.note)}")


def calculation(text: str, note: str | None = None, lang: Lang = "en") -> None:
    """`quizzer calc`: the value in sensible units, and how an ambiguous word was read."""
    out.print(escape(text))
    if note:
        out.print(f"[dim]{escape(say(lang, 'calc.note', note=note))}[/]")
    sys.stdout.flush()
