"""The list of hand-write tasks, read from catalog.yaml without importing torch."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CATALOG = Path(__file__).with_name("catalog.yaml")


@dataclass(frozen=True)
class TaskInfo:
    """What a user and a bank need to know about one task."""

    id: str
    title: str
    functions: tuple[str, ...]
    source: tuple[str, ...]
    forbidden: tuple[str, ...]
    no_full_scores: bool = False


@lru_cache(maxsize=1)
def tasks() -> dict[str, TaskInfo]:
    """Every task by id, in catalog order."""
    data = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return {
        tid: TaskInfo(id=tid, title=d["title"], functions=tuple(d["functions"]), source=tuple(d["source"]),
                      forbidden=tuple(d["forbidden"]), no_full_scores=bool(d.get("no_full_scores", False)))
        for tid, d in data.items()
    }
