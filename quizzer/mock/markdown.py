"""The scorecard as a Markdown report a candidate keeps."""

from __future__ import annotations

from datetime import datetime

from quizzer.kinds import kind_of
from quizzer.mock.scorecard import ANSWER_STRUCTURE, Scorecard, mmss
from quizzer.models import Lang


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(card: Scorecard, lang: Lang, started: datetime) -> str:
    """Overall and section scores, a row per question, concept self-ratings, follow-ups, study list."""
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
    concept = [r for r in card.results if kind_of(r.item.question).self_rated and r.status == "answered"]
    if concept:
        lines += ["", "## Concept answers", "", f"A strong answer runs {ANSWER_STRUCTURE}.", ""]
        for r in concept:
            q = r.item.question
            rating = r.self_rating.label if r.self_rating else "not rated"
            lines += [f"### {q.id}", "", f"> {_cell(q.prompt.get(lang))}", "",
                      f"Key points covered: {r.score:.0%} · your self-rating: {rating}", ""]
            lines += [f"- {point.text}" for point in kind_of(q).points(q, lang)]
            if q.follow_ups:
                lines += ["", "Follow-ups an interviewer would ask:"]
                lines += [f"- {f.get(lang)}" for f in q.follow_ups]
            lines.append("")
    other = [r for r in card.results if r.feedback and not kind_of(r.item.question).self_rated]
    if other:
        lines += ["", "## Feedback", ""]
        lines += [f"- **{r.item.question.id}**: {_cell(r.feedback)}" for r in other]
    lines += ["", "## Study next", ""]
    lines += [f"- {t}" for t in card.study_next] or ["- nothing stood out: raise the difficulty"]
    return "\n".join(lines) + "\n"
