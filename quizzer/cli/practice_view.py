"""How the practice loop looks: questions, verdicts, key points, ratings and the summary."""

from __future__ import annotations

from typing import Mapping, Sequence

from rich.markup import escape

from quizzer.grading.concept import ConceptVerdict
from quizzer.models import Concept, Lang, Numeric
from quizzer.render import answer_frame, out
from quizzer.scheduler import RATING_MEANINGS, RATING_NAMES
from quizzer.session import Asked, Outcome

HELP = {
    "en": "Commands: :skip (skip this question), :hint (a nudge), :quit (stop; everything answered is saved), "
          ":help. Concept answers end with an empty line.",
    "zh": "命令：:skip 跳过本题，:hint 提示，:quit 结束（已答内容都已保存），:help 帮助。概念题以空行结束作答。",
}
ANSWER_HINT = {
    "concept": {"en": "Answer in a few sentences; finish with an empty line.", "zh": "用几句话作答，空行结束。"},
    "numeric": {"en": "One line, with units (e.g. 18 GB, 3.2e23 FLOP, 39 days).", "zh": "一行作答，带单位（如 18 GB、39 天）。"},
    "formula": {"en": "One line: a formula in the variables above.", "zh": "一行：用上面的变量写出公式。"},
    "choice": {"en": "Option letter(s), e.g. B or A,C.", "zh": "填选项字母，如 B 或 A,C。"},
    "code": {"en": "Press Enter to write the starter file, or :skip.", "zh": "按回车生成代码模板，或 :skip 跳过。"},
}


def header(total: int, path: str, lang: Lang) -> None:
    """Session start."""
    out.print(f"[bold]quizzer practice[/] · {total} questions · history: {escape(path)}")
    out.print(f"[dim]{HELP[lang]}[/]")


def question(asked: Asked, lang: Lang, sources: Mapping[str, str]) -> None:
    """One question with its source and how to answer."""
    q = asked.question
    out.print()
    out.rule(f"{asked.index}/{asked.total} · {q.topic} · {q.kind} · difficulty {q.difficulty}", align="left")
    cited = "; ".join(sources.get(key, key) for key in q.source)
    out.print(f"[dim]source: {escape(cited)}[/]")
    out.print(escape(asked.prompt))
    answer_frame(q, lang)
    out.print(f"[dim]{ANSWER_HINT[q.kind][lang]}[/]")


def note(text: str) -> None:
    """A short line: a hint, an unreadable answer, a reminder."""
    out.print(f"[yellow]{escape(text)}[/]")


def verdict(outcome: Outcome, lang: Lang) -> None:
    """Right or wrong, why, the reference and the worked explanation."""
    if outcome.verdict == "correct":
        out.print(f"[green]✓ correct[/]  {escape(outcome.message)}")
    elif outcome.verdict == "skipped":
        out.print("[yellow]skipped[/]")
    else:
        out.print(f"[red]✗ wrong[/]  {escape(outcome.message)}")
    if outcome.hint:
        out.print(f"[yellow]hint:[/] {escape(outcome.hint)}")
    spec = outcome.asked.question.spec
    if not isinstance(spec, Concept):
        out.print(f"answer: [bold]{escape(outcome.reference)}[/]")
        if isinstance(spec, Numeric) and outcome.verdict != "correct":
            out.print(f"[dim]tolerance: {spec.tolerance.kind} {spec.tolerance.value:g}[/]")
    if outcome.explanation:
        out.print(f"[dim]{escape(outcome.explanation)}[/]")


def concept_review(outcome: Outcome, lang: Lang) -> None:
    """The reference answer and the key points, those the answer covered marked."""
    spec = outcome.asked.question.spec
    assert isinstance(spec, Concept) and isinstance(outcome.detail, ConceptVerdict)
    out.print("[bold]Reference answer[/]")
    out.print(escape(spec.answer.get(lang)))
    out.print(f"[bold]Key points[/] ({escape(outcome.message)})")
    for kp, hit in zip(spec.key_points, outcome.detail.covered):
        mark = "[green]✓[/]" if hit else "[red]✗[/]"
        star = " [bold](essential)[/]" if kp.essential else ""
        out.print(f" {mark} {escape(kp.text.get(lang))}{star}")
    for follow in outcome.asked.question.follow_ups:
        out.print(f"[dim]follow-up: {escape(follow.get(lang))}[/]")


def rating_menu(suggested: int) -> str:
    """The Again/Hard/Good/Easy keys with Anki's meanings, suggestion marked."""
    items = [f"{n} {RATING_NAMES[n]} ({RATING_MEANINGS[n]})" for n in (1, 2, 3, 4)]
    return "Rate your recall: " + " · ".join(items) + f"   [Enter = {suggested} {RATING_NAMES[suggested]}]"


def summary(verdicts: Sequence[str], saved_to: str, interrupted: bool) -> None:
    """The end of a session: how it went and where it is saved."""
    answered = [v for v in verdicts if v != "skipped"]
    right = answered.count("correct")
    out.print()
    label = "stopped" if interrupted else "done"
    out.print(f"{label}: {len(answered)} answered, {right} right, "
              f"{len(verdicts) - len(answered)} skipped · saved to {escape(saved_to)}")
