"""The interface's one message catalog: every key has an English and a Chinese template with the same fields.

It sits below every other module (even errors), so domain errors can name a message and the CLI can show it in
the language of the run. `say(lang, key, **fields)` renders now; `Said(key, fields)` renders later, once the
language is known (an error raised deep down, shown where errors become exit codes).
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from quizzer.messages.catalog import CATALOG

__all__ = ["CATALOG", "Both", "Said", "current", "say", "use"]

_LANG: ContextVar[str] = ContextVar("quizzer_lang", default="en")


def say(lang: str, key: str, /, **fields: Any) -> str:
    """The message `key` in `lang` (zh, else English) with its fields filled in.

    An English template written `singular¦plural` (a broken bar, free for Markdown's `|`) picks its form by the
    field `n`; Chinese has one form.
    """
    en, zh = CATALOG[key]
    if lang == "zh":
        return zh.format(**fields)
    one, _, many = en.partition("¦")
    return (one if not many or fields.get("n") == 1 else many).format(**fields)


@dataclass(frozen=True)
class Both:
    """A field value that is itself worded per language (a dimension's name: `a time`, `时间`)."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The wording in `lang`."""
        return self.zh if lang == "zh" else self.en

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Said:
    """A message named by key, rendered in whichever language is asked for (English by str())."""

    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def get(self, lang: str) -> str:
        """The message in `lang`."""
        return say(lang, self.key, **{k: v.get(lang) if isinstance(v, Said | Both) else v
                                      for k, v in self.fields.items()})

    def __str__(self) -> str:
        return self.get("en")


def use(lang: str) -> None:
    """Make `lang` the language of this run (set once, by the --lang option), for messages shown far from it."""
    _LANG.set(lang)


def current() -> str:
    """The language of this run: what --lang or QUIZZER_LANG chose, English before they are read."""
    return _LANG.get()

