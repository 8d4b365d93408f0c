"""Options several commands share (--lang, --device, --bank): declared once, checked once.

Defaults are read when a command runs, never at import, so `--help` (and docs/cli.md, generated from it)
does not depend on the environment of whoever ran it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from quizzer.bank import load_catalog, require_valid
from quizzer.bank.paths import extra_bank_paths
from quizzer.bank.select import Selection, resolve
from quizzer.errors import QuizzerError
from quizzer.llm.config import LlmConfig
from quizzer.messages import Said, use
from quizzer.models import LANGS, Catalog, Lang

DEVICES = ("cpu", "cuda")
GRADERS = ("keypoints", "llm", "auto")


def _lang(value: str) -> str:
    if value not in LANGS:
        # The same words whether the value came from --lang or from QUIZZER_LANG.
        raise QuizzerError(Said("unknown_language", {"value": value, "choices": ", ".join(LANGS)}))
    use(value)  # errors raised later in this run are shown in this language
    return value


def _device(value: str) -> str:
    if value not in DEVICES:
        raise QuizzerError(Said("unknown_device", {"value": value, "choices": ", ".join(DEVICES)}))
    return value


def _grader(value: str | None) -> str | None:
    if value is not None and value not in GRADERS:
        raise QuizzerError(Said("unknown_grader", {"value": value, "choices": ", ".join(GRADERS)}))
    return value


LangOption = Annotated[str, typer.Option("--lang", envvar="QUIZZER_LANG", callback=_lang, metavar="zh|en",
                                         help="Language of questions and feedback.")]
DeviceOption = Annotated[str, typer.Option("--device", callback=_device, metavar="cpu|cuda",
                                           help="Where hand-written code runs.")]
BankOption = Annotated[list[Path] | None, typer.Option("--bank", help="Extra bank folder or file (repeatable).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
TopicOption = Annotated[str | None, typer.Option("--topic", metavar="TOPIC", help="Only this topic (any case).")]
TagOption = Annotated[str | None, typer.Option("--tag", metavar="TAG", help="Only questions with this tag.")]
KindOption = Annotated[str | None, typer.Option("--kind", metavar="KIND",
                                                help="Only this kind: concept, numeric, formula, choice, code.")]
DifficultyOption = Annotated[int | None, typer.Option("--difficulty", metavar="1|2|3",
                                                      help="Only this difficulty: 1 easy, 2 medium, 3 hard.")]
GraderOption = Annotated[str | None, typer.Option(
    "--grader", callback=_grader, metavar="keypoints|llm|auto",
    help="How concept answers are judged: key points, an LLM, or auto (an LLM when one is configured).")]


def language(value: str) -> Lang:
    """A --lang value (already checked by its option) as a Lang."""
    return "zh" if _lang(value) == "zh" else "en"


def concept_grader(value: str | None, lang: Lang = "en") -> LlmConfig | None:
    """The LLM endpoint concept answers go to, or None for key points (`auto`: an LLM when one is configured).

    `--grader llm` without configuration is a one-line error naming what is missing. The first time answers
    go to an endpoint from this data folder, one line on stderr says where.
    """
    from quizzer.llm.config import from_env, missing_settings

    if value == "keypoints":
        return None
    config = from_env()
    if config is None:
        if value != "llm":
            return None
        missing = missing_settings()
        raise QuizzerError(f"--grader llm: no LLM endpoint is configured ({' and '.join(missing)} "
                           f"{'is' if len(missing) == 1 else 'are'} not set); use --grader keypoints")
    from quizzer.cli.console import err
    from quizzer.llm.privacy import announce
    from quizzer.store.db import data_dir

    notice = announce(config, data_dir(), lang)
    if notice:
        err.print(f"[yellow]note:[/] {escape(notice)}")
    return config


def task_ids() -> frozenset[str]:
    """The hand-write tasks a code question may name."""
    from quizzer.judge.catalog import tasks

    return frozenset(tasks())


def selection(catalog: Catalog, topic: str | None = None, tag: str | None = None, kind: str | None = None,
              difficulty: int | None = None, source: str | None = None, ids: list[str] | None = None) -> Selection:
    """The filters of a command, names resolved against the banks (any case) or a one-line error."""
    from quizzer.kinds import REGISTRY

    return resolve(Selection(topic, tag, kind, difficulty, source, tuple(ids or ())), catalog, REGISTRY)


def load_banks(bank: list[Path] | None) -> Catalog:
    """The built-in banks plus --bank and QUIZZER_BANKS, or a one-line error naming the first problem."""
    return require_valid(load_catalog(extra_bank_paths(bank), tasks=task_ids()))
