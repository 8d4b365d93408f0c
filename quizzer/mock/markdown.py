"""The scorecard as a Markdown report a candidate keeps."""

from __future__ import annotations

from datetime import datetime

from quizzer.kinds import kind_of
from quizzer.mock.scorecard import ANSWER_STRUCTURE, ItemResult, Scorecard, mmss
from quizzer.models import Lang

# What each status says where the candidate's answer would be quoted.
NO_ANSWER = {"skipped": "skipped", "timed-out": "no answer before time ran out", "quit": "the mock ended here"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> list[str]:
    """A Markdown block quote of `text`, blank lines kept inside the quote."""
    return [f"> {line}".rstrip() for line in text.splitlines()] or [">"]


def _fenced(text: str, language: str = "") -> list[str]:
    fence = "````" if "```" in text else "```"
    return [fence + language, *text.splitlines(), fence]


def _points(r: ItemResult, lang: Lang) -> list[str]:
    """A concept answer's key points, each marked covered or missed, and any misconception it stated."""
    q = r.item.question
    if r.review is None:  # not answered: the points to learn
        return ["Key points:", *[f"- {p.text}{' (essential)' if p.essential else ''}"
                                 for p in kind_of(q).points(q, lang)]]
    rating = r.self_rating.label if r.self_rating else "not rated"
    judged = " (judged by the LLM)" if r.review.grader == "llm" else ""
    lines = [f"Key points covered{judged}: {r.score:.0%} · your self-rating: {rating}", ""]
    lines += [f"- [{'x' if hit else ' '}] {point.text}{' (essential)' if point.essential else ''}: "
              f"{'covered' if hit else 'missed'}" for point, hit in zip(r.review.points, r.review.covered)]
    lines += [f"- ✗ misconception: {claim}" + (f" In fact: {correction}" if correction else "")
              for claim, correction in r.review.misconceptions]
    if r.review.other_opinion:
        lines += ["", f"The key points judge differently: {r.review.other_opinion}"]
    if r.review.note:
        lines += ["", f"Note: {r.review.note}"]
    return lines


def _answer(r: ItemResult, lang: Lang) -> list[str]:
    """One seen question: as asked, the answer quoted, how it was judged and the right answer."""
    q = r.item.question
    kind = kind_of(q)
    asked = "\n".join([r.prompt, *kind.frame(q, lang)])  # the options of a choice question, say
    lines = [f"### {q.id} · {r.item.section} · {r.status} · {r.score:.0%}", "", *_quote(asked), ""]
    if r.status in NO_ANSWER and not r.answer:
        lines += [f"Your answer: none ({NO_ANSWER[r.status]}).", ""]
    elif r.answer and kind.typed:
        lines += ["Your answer:", "", *_quote(r.answer), ""]
    if kind.self_rated:
        lines += [*_points(r, lang), "", "Reference answer:", "", *_quote(r.reference)]
        if r.follow_up is not None:
            lines += ["", f"Follow-up asked: {_cell(r.follow_up.question)}", "", "Your reply:", "",
                      *_quote(r.follow_up.answer or "(none)"), "", f"Judged: {_cell(r.follow_up.summary)}"]
        if q.follow_ups:
            lines += ["", "Follow-ups an interviewer would ask:", *[f"- {f.get(lang)}" for f in q.follow_ups]]
        return [*lines, ""]
    if r.feedback:
        lines += [f"Feedback: {_cell(r.feedback)}", ""]
    right = r.verdict == "correct" or (not kind.typed and r.score >= 1.0)
    if r.reference and not right:
        lines += ([f"Correct answer: {_cell(r.reference)}"] if kind.typed
                  else ["Reference solution:", "", *_fenced(r.reference, "python")])
    return [*lines, ""]


def to_markdown(card: Scorecard, lang: Lang, started: datetime) -> str:
    """Overall and section scores, a row per question, every seen question with its answer, study list."""
    plan = card.plan
    lines = [
        f"# Mock interview: {plan.track}, {plan.minutes:g} min",
        "",
        f"{started.astimezone().strftime('%Y-%m-%d %H:%M')} · seed {plan.seed} · time used {mmss(card.seconds_used)}"
        + (" · ended early" if card.interrupted else ""),
        "",
        f"**Overall: {card.overall:.0%}**",
        "",
        "| section | score | answered |",
        "|---|---|---|",
    ]
    lines += [f"| {s.name} | {s.score:.0%} | {s.answered}/{s.total} |" for s in card.sections]
    lines += ["", "## Questions", "", "| # | question | section | status | score | time / budget |",
              "|---|---|---|---|---|---|"]
    for i, r in enumerate(card.results, 1):
        over = " ⚠" if r.seconds > r.item.budget else ""
        lines.append(f"| {i} | {r.item.question.id} | {r.item.section} | {r.status} | {r.score:.0%} | "
                     f"{mmss(r.seconds)} / {mmss(r.item.budget)}{over} |")
    seen = [r for r in card.results if r.status != "not-reached"]
    if seen:
        lines += ["", "## Answers", ""]
        if any(kind_of(r.item.question).self_rated for r in seen):
            lines += [f"A strong concept answer runs {ANSWER_STRUCTURE}.", ""]
        for r in seen:
            lines += _answer(r, lang)
    lines += ["## Study next", ""]
    lines += [f"- {t}" for t in card.study_next] or ["- nothing stood out: raise the difficulty"]
    return "\n".join(lines) + "\n"
