"""How `check` and `calc` look."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from rich.markup import escape

from quizzer.cli import judge_view
from quizzer.cli.console import out
from quizzer.grading.choice import ChoiceVerdict
from quizzer.grading.formula import FormulaVerdict
from quizzer.grading.numeric import NumericVerdict
from quizzer.judge.verdict import Verdict
from quizzer.kinds import Graded, Review, kind_of
from quizzer.models import Lang, Question, in_lang

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


def check_result(v: NumericVerdict | FormulaVerdict) -> None:
    """`quizzer check`: the verdict in one line, then the hint."""
    out.print(f"{'[green]✓[/]' if v.correct else '[red]✗[/]'} {escape(v.message)}")
    if v.hint:
        out.print(f"[yellow]hint:[/] {escape(v.hint)}")
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
        out.print(f"{MARKS[c.verdict]} {c.verdict}: {escape(graded.message)} · suggested rating "
                  f"{int(rating)} {rating.label}")
        show_review(c.review, lang=c.lang)
        for follow in q.follow_ups:
            out.print(f"[dim]follow-up: {escape(follow.get(c.lang))}[/]")
        sys.stdout.flush()
        return
    message = graded.message
    if isinstance(graded.detail, ChoiceVerdict):
        message = f"{message}: you picked {', '.join(graded.detail.picked)}"
    out.print(f"{MARKS[c.verdict]} {escape(message)}")
    if graded.hint:
        out.print(f"[yellow]hint:[/] {escape(graded.hint)}")
    if c.verdict != "correct":
        out.print(f"answer: [bold]{escape(kind.reference(q, None, c.lang))}[/]")
        note = kind.wrong_note(q)
        if note:
            out.print(f"[dim]{escape(note)}[/]")
        explanation = kind.explanation(q, c.lang)
        if explanation:
            out.print(f"[dim]{escape(explanation)}[/]")
    sys.stdout.flush()


def show_review(review: Review, summary: str | None = None, lang: Lang = "en") -> None:
    """The reference answer, each key point covered or missed (listed plainly when nothing was answered), and
    each misconception the answer asserted with its correction; shared by check, practice and the mock."""
    out.print("[bold]Reference answer[/]")
    out.print(escape(review.reference))
    out.print(f"[bold]Key points[/] ({escape(summary)})" if summary and review.covered else "[bold]Key points[/]")
    for point, hit in zip(review.points, review.covered or (None,) * len(review.points), strict=True):
        mark = "-" if hit is None else "[green]✓[/]" if hit else "[red]✗[/]"
        star = " [bold](essential)[/]" if point.essential else ""
        out.print(f" {mark} {escape(point.text)}{star}")
    for claim, correction in review.misconceptions:
        out.print(f"[red]✗ misconception:[/] {escape(claim)}")
        if correction:  # a misconception the LLM named that the bank does not list comes without one
            out.print(f"  [green]in fact:[/] {escape(correction)}")
    if review.grader == "llm":
        out.print(f"[dim]{in_lang(lang, 'judged by the LLM', '由 LLM 评判')}[/]")
    if review.other_opinion:  # a sharp disagreement: the candidate sees both judgements
        out.print(f"[yellow]{in_lang(lang, 'the key points judge differently:', '要点评分的判断不同：')}[/] "
                  f"{escape(review.other_opinion)}")
    if review.note:
        out.print(f"[yellow]{in_lang(lang, 'note:', '注意：')}[/] {escape(review.note)}")


def calculation(text: str, note: str | None = None) -> None:
    """`quizzer calc`: the value in sensible units, and how an ambiguous word was read."""
    out.print(escape(text))
    if note:
        out.print(f"[dim]note: {escape(note)}[/]")
    sys.stdout.flush()
