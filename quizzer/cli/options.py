"""Options several commands share (--lang, --device, --bank): declared once, checked once.

Defaults are read when a command runs, never at import, so `--help` (and docs/cli.md, generated from it)
does not depend on the environment of whoever ran it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizzer.bank import load_catalog, require_valid
from quizzer.bank.paths import extra_bank_paths
from quizzer.errors import QuizzerError
from quizzer.models import LANGS, Catalog, Lang

DEVICES = ("cpu", "cuda")


def _lang(value: str) -> str:
    if value not in LANGS:
        # The same words whether the value came from --lang or from QUIZZER_LANG.
        raise QuizzerError(f"unknown language {value!r} (--lang or QUIZZER_LANG: one of {', '.join(LANGS)})")
    return value


def _device(value: str) -> str:
    if value not in DEVICES:
        raise QuizzerError(f"unknown device {value!r} (one of {', '.join(DEVICES)})")
    return value


LangOption = Annotated[str, typer.Option("--lang", envvar="QUIZZER_LANG", callback=_lang, metavar="zh|en",
                                         help="Language of questions and feedback.")]
DeviceOption = Annotated[str, typer.Option("--device", callback=_device, metavar="cpu|cuda",
                                           help="Where hand-written code runs.")]
BankOption = Annotated[list[Path] | None, typer.Option("--bank", help="Extra bank folder or file (repeatable).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def language(value: str) -> Lang:
    """A --lang value (already checked by its option) as a Lang."""
    return "zh" if _lang(value) == "zh" else "en"


def task_ids() -> frozenset[str]:
    """The hand-write tasks a code question may name."""
    from quizzer.judge.catalog import tasks

    return frozenset(tasks())


def load_banks(bank: list[Path] | None) -> Catalog:
    """The built-in banks plus --bank and QUIZZER_BANKS, or a one-line error naming the first problem."""
    return require_valid(load_catalog(extra_bank_paths(bank), tasks=task_ids()))
