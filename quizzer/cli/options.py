"""Options several commands share (--lang, --device, --bank): declared once, checked once."""

from __future__ import annotations

from pathlib import Path

from quizzer.bank import load_catalog, require_valid
from quizzer.bank.paths import extra_bank_paths
from quizzer.models import Catalog


def task_ids() -> frozenset[str]:
    """The hand-write tasks a code question may name."""
    from quizzer.judge.catalog import tasks

    return frozenset(tasks())


def load_banks(bank: list[Path] | None) -> Catalog:
    """The built-in banks plus --bank and QUIZZER_BANKS, or a one-line error naming the first problem."""
    return require_valid(load_catalog(extra_bank_paths(bank), tasks=task_ids()))
