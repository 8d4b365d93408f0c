"""How `quizzer llm status` reports the configured endpoint and whether it answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from quizzer.cli.console import out
from quizzer.messages import say
from quizzer.models import Lang

if TYPE_CHECKING:  # the probe's module stays off the start-up path (`quizzer --help` imports every command)
    from quizzer.llm.status import LlmStatus


def status(s: LlmStatus, lang: Lang) -> None:
    """The settings that are missing, or the endpoint, model, key source, timeout and the probe's result."""
    if s.config is None:
        missing = say(lang, "llm.and").join(s.missing)
        out.print(escape(say(lang, "llm.none", missing=missing)))
        out.print(f"[dim]{escape(say(lang, 'llm.how'))}[/]")
        return
    c = s.config
    out.print(escape(say(lang, "llm.endpoint", url=c.base_url)))
    out.print(escape(say(lang, "llm.model", model=c.model)))
    key = say(lang, "llm.key_from", source=c.key_source) if c.key_source != "none" else say(lang, "llm.key_none")
    out.print(escape(say(lang, "llm.key", key=key, timeout=f"{c.timeout:g}")))
    if s.answers:
        answers = f"[green]{say(lang, 'llm.answers')}[/]"
        out.print(say(lang, "llm.answered_in", answers=answers, seconds=f"{s.seconds or 0:.2f}"))
    else:
        out.print(f"[red]{say(lang, 'llm.no_answer')}[/] {escape(s.reason or '')}")
