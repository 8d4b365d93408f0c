"""`quizzer check`: grade one answer non-interactively (exit 0 correct, 1 wrong, 2 unreadable).

Two forms: `check ANSWER --expect VALUE` grades against a value or formula given on the command line;
`check --question ID ANSWER` grades against a bank question exactly as practice and the mock do.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from quizzer.cli import check_view, shapes
from quizzer.cli.app import app, emit_json
from quizzer.cli.options import (
    BankOption,
    DeviceOption,
    GraderOption,
    JsonOption,
    LangOption,
    concept_grader,
    language,
    load_banks,
)
from quizzer.errors import EXIT_USAGE, EXIT_WRONG, QuizzerError
from quizzer.kinds import Graded
from quizzer.messages import Said, say
from quizzer.models import Lang, Rating


@app.command("check")
def check_answer(
    answer: list[str] = typer.Argument(..., metavar="ANSWER",
                                       help="The answer, e.g. '4 GiB', '17-18 GB', '6ND'; with --question, a "
                                            "sentence for a concept question ('-' reads it from stdin) or the "
                                            "solution file for a code question."),
    expect: str | None = typer.Option(None, "--expect", metavar="VALUE",
                                      help="The right answer: a quantity ('4294967296 B', '38.95 day') or a "
                                           "formula ('6*N*D')."),
    question: str | None = typer.Option(None, "--question", metavar="ID",
                                        help="Grade against this bank question instead (its default numbers "
                                             "and tolerance), as practice does."),
    rel_tol: str | None = typer.Option(None, "--rel-tol", metavar="R",
                                       help="Relative tolerance: 0.05 or 5% (default 2%)."),
    factor: float | None = typer.Option(None, "--factor", metavar="F",
                                        help="Accept answers within a factor F (order-of-magnitude estimates)."),
    var: list[str] | None = typer.Option(None, "--var", metavar="NAME", help="A variable of a formula (repeatable)."),
    grader: GraderOption = None,
    device: DeviceOption = "cpu",
    lang: LangOption = "en",
    bank: BankOption = None,
    as_json: JsonOption = False,
) -> None:
    """Grade one answer against an expected value, or against a bank question, as practice does."""
    if question is not None:
        if expect is not None:
            raise QuizzerError(Said("check.exclusive"))
        if rel_tol is not None or factor is not None or var:
            raise QuizzerError(Said("check.expect_only"))
        _check_question(question, answer, grader, device, language(lang), bank, as_json)
        return
    if expect is None:
        raise QuizzerError(Said("check.need"))
    if grader is not None:
        raise QuizzerError(Said("check.grader"))
    _check_expected(" ".join(answer), expect, rel_tol, factor, list(var or []), language(lang), as_json)


def _check_expected(answer: str, expect: str, rel_tol: str | None, factor: float | None, var: list[str],
                    lang: Lang, as_json: bool) -> None:
    """`check ANSWER --expect VALUE`."""
    from quizzer.grading.check import check, tolerance

    verdict = check(answer, expect, tolerance(rel_tol, factor), var, lang)
    if as_json:
        emit_json(shapes.check_result(verdict))
        if not verdict.readable:
            typer.echo(say(lang, "error", message=verdict.message), err=True)
            raise typer.Exit(EXIT_USAGE)
    elif not verdict.readable:
        raise QuizzerError(verdict.message, written_in=lang)  # the grader wrote it in the run's language
    else:
        check_view.check_result(verdict, lang)
    if not verdict.correct:
        raise typer.Exit(EXIT_WRONG)


def _answer_text(parts: list[str]) -> str:
    """The typed answer; `-` reads it from stdin (a long concept answer); empty is unreadable."""
    text = sys.stdin.read() if parts == ["-"] else " ".join(parts)
    if not text.strip():
        raise QuizzerError(Said("check.empty"))
    return text.strip()


def _check_question(qid: str, answer: list[str], grader: str | None, device: str, lang: Lang,
                    bank: list[Path] | None, as_json: bool) -> None:
    """`check --question ID ANSWER`: the question's kind grades the answer as in practice."""
    from quizzer.bank import require_question
    from quizzer.kinds import UnreadableAnswer, kind_of
    from quizzer.kinds.code import CodeKind

    q = require_question(load_banks(bank), qid)
    kind = kind_of(q)
    if isinstance(kind, CodeKind):
        graded = kind.grade_file(q, Path(" ".join(answer)), device)
    else:
        text = _answer_text(answer)
        llm = concept_grader(grader, lang) if kind.self_rated else None
        try:
            graded = kind.grade_with(q, None, text, lang, llm)
        except UnreadableAnswer as exc:
            raise QuizzerError(exc.message, written_in=lang) from None
    used = "judge" if isinstance(kind, CodeKind) else graded.grader or kind.name
    result = check_view.QuestionCheck(q, graded, settled(graded), kind.review(q, graded.detail, lang), used, lang)
    if as_json:
        emit_json(shapes.question_check(result))
    else:
        check_view.question_check(result)
    if result.verdict != "correct":
        raise typer.Exit(EXIT_WRONG)


def settled(graded: Graded) -> str:
    """correct | partial | wrong: a self-rated answer is settled by the rating the grader suggests."""
    if graded.verdict != "unrated":
        return graded.verdict
    rating = graded.suggested_rating
    return "correct" if rating.recalled else "partial" if rating == Rating.HARD else "wrong"
