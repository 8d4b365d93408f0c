"""The scorecard as a Markdown report a candidate keeps, in the language of the mock."""

from __future__ import annotations

from datetime import datetime

from quizzer.kinds import kind_of
from quizzer.messages import CATALOG, say
from quizzer.mock.scorecard import ItemResult, Scorecard, mmss
from quizzer.models import Lang

# The statuses with no answer to quote, and why.
NO_ANSWER = ("skipped", "timed-out", "quit")


def _term(lang: Lang, group: str, value: str) -> str:
    """A stored English word (a section, a status) as the catalog writes it in `lang`."""
    key = f"{group}.{value}"
    return say(lang, key) if key in CATALOG else value


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
    essential = say(lang, "report.essential")
    if r.review is None:  # not answered: the points to learn
        return [say(lang, "report.points"), *[f"- {p.text}{essential if p.essential else ''}"
                                               for p in kind_of(q).points(q, lang)]]
    rating = say(lang, f"rating.{int(r.self_rating)}") if r.self_rating else say(lang, "report.not_rated")
    judged = say(lang, "report.llm_judged") if r.review.grader == "llm" else ""
    lines = [say(lang, "report.covered_head", judged=judged, score=f"{r.score:.0%}", rating=rating), ""]
    lines += [f"- [{'x' if hit else ' '}] {point.text}{essential if point.essential else ''}: "
              f"{say(lang, 'report.covered' if hit else 'report.missed')}"
              for point, hit in zip(r.review.points, r.review.covered)]
    lines += [say(lang, "report.misconception", claim=claim, correction=correction) if correction
              else say(lang, "report.misconception_bare", claim=claim)
              for claim, correction in r.review.misconceptions]
    if r.review.other_opinion:
        lines += ["", say(lang, "report.other_opinion", opinion=r.review.other_opinion)]
    if r.review.note:
        lines += ["", say(lang, "report.note", note=r.review.note)]
    return lines


def _answer(r: ItemResult, lang: Lang) -> list[str]:
    """One seen question: as asked, the answer quoted, how it was judged and the right answer."""
    q = r.item.question
    kind = kind_of(q)
    asked = "\n".join([r.prompt, *kind.frame(q, lang)])  # the options of a choice question, say
    lines = [f"### {q.id} · {_term(lang, 'section', r.item.section)} · {_term(lang, 'verdict', r.status)} · "
             f"{r.score:.0%}", "", *_quote(asked), ""]
    if r.status in NO_ANSWER and not r.answer:
        lines += [say(lang, "report.no_answer", why=say(lang, f"report.why.{r.status}")), ""]
    elif r.answer and kind.typed:
        lines += [say(lang, "report.your_answer"), "", *_quote(r.answer), ""]
    if kind.self_rated:
        lines += [*_points(r, lang), "", say(lang, "report.reference"), "", *_quote(r.reference)]
        if r.follow_up is not None:
            lines += ["", say(lang, "report.follow_up", question=_cell(r.follow_up.question)), "",
                      say(lang, "report.your_reply"), "", *_quote(r.follow_up.answer or say(lang, "report.no_reply")),
                      "", say(lang, "report.judged", summary=_cell(r.follow_up.summary))]
        if q.follow_ups:
            lines += ["", say(lang, "report.follow_ups"), *[f"- {f.get(lang)}" for f in q.follow_ups]]
        return [*lines, ""]
    if r.feedback:
        lines += [say(lang, "report.feedback", feedback=_cell(r.feedback)), ""]
    right = r.verdict == "correct" or (not kind.typed and r.score >= 1.0)
    if r.reference and not right:
        lines += ([say(lang, "report.correct", answer=_cell(r.reference))] if kind.typed
                  else [say(lang, "report.solution"), "", *_fenced(r.reference, "python")])
    return [*lines, ""]


def to_markdown(card: Scorecard, lang: Lang, started: datetime) -> str:
    """Overall and section scores, a row per question, every seen question with its answer, study list."""
    plan = card.plan
    when = say(lang, "report.when", when=started.astimezone().strftime("%Y-%m-%d %H:%M"), seed=plan.seed,
               used=mmss(card.seconds_used))
    lines = [
        say(lang, "report.title", track=plan.track, minutes=f"{plan.minutes:g}"),
        "",
        when + (say(lang, "report.ended_early") if card.interrupted else ""),
        "",
        say(lang, "report.overall", score=f"{card.overall:.0%}"),
        "",
        say(lang, "report.sections"),
        "|---|---|---|",
    ]
    lines += [f"| {_term(lang, 'section', s.name)} | {s.score:.0%} | {s.answered}/{s.total} |" for s in card.sections]
    lines += ["", say(lang, "report.questions"), "", say(lang, "report.questions_head"), "|---|---|---|---|---|---|"]
    for i, r in enumerate(card.results, 1):
        over = " ⚠" if r.seconds > r.item.budget else ""
        lines.append(f"| {i} | {r.item.question.id} | {_term(lang, 'section', r.item.section)} | "
                     f"{_term(lang, 'verdict', r.status)} | {r.score:.0%} | "
                     f"{mmss(r.seconds)} / {mmss(r.item.budget)}{over} |")
    seen = [r for r in card.results if r.status != "not-reached"]
    if seen:
        lines += ["", say(lang, "report.answers"), ""]
        if any(kind_of(r.item.question).self_rated for r in seen):
            lines += [say(lang, "report.structure", structure=say(lang, "answer_structure")), ""]
        for r in seen:
            lines += _answer(r, lang)
    lines += [say(lang, "report.study"), ""]
    lines += [f"- {t}" for t in card.study_next] or [say(lang, "report.nothing")]
    return "\n".join(lines) + "\n"
