"""The hand-write tasks, read from their folders' task.yaml without importing torch.

A task is one folder, `quizzer/judge/tasks/<id>/`: `task.yaml` (what users and banks see, and how many known
bugs the self-check demands), `cases.py` (hidden cases and known bugs, child process only) and `starter.py`
(what `quizzer start` writes). Its reference solution is `solutions/<id>.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from quizzer.errors import QuizzerError

TASKS_DIR = Path(__file__).resolve().with_name("tasks")
TASK_FILES = ("task.yaml", "cases.py", "starter.py")
# The C loader where PyYAML has one (28 small files are read on every `quizzer tasks`); both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# task.yaml's keys and the Python type of each value; lists hold strings.
KEYS: dict[str, type] = {"title": str, "order": int, "functions": list, "source": list, "forbidden": list,
                         "min_bugs": int}


@dataclass(frozen=True)
class TaskInfo:
    """What a user and a bank need to know about one task, and what its self-check demands."""

    id: str
    title: str
    functions: tuple[str, ...]
    source: tuple[str, ...]
    forbidden: tuple[str, ...]
    min_bugs: int = 2
    order: int = 0


def task_folder(task_id: str) -> Path:
    """The folder of a task (which may not exist)."""
    return TASKS_DIR / task_id


def task_folders() -> list[Path]:
    """Every folder under tasks/ that holds a task.yaml, in name order."""
    return sorted(p.parent for p in TASKS_DIR.glob("*/task.yaml"))


def task_files() -> list[Path]:
    """Every task.yaml, so a cache of what names the tasks can tell when one changes."""
    return [folder / "task.yaml" for folder in task_folders()]


def read_info(folder: Path) -> TaskInfo:
    """One folder's task.yaml, checked key by key; a QuizzerError names the file and the problem."""
    path = folder / "task.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise QuizzerError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise QuizzerError(f"{path}: expected a mapping of {', '.join(KEYS)}")
    problems = [f"unknown key {k!r}" for k in data if k not in KEYS]
    problems += [f"missing key {k!r}" for k in KEYS if k not in data]
    problems += [f"{k} should be a {t.__name__}" for k, t in KEYS.items() if k in data and not _fits(data[k], t)]
    if problems:
        raise QuizzerError(f"{path}: {'; '.join(problems)}")
    return TaskInfo(id=folder.name, title=data["title"], functions=tuple(data["functions"]),
                    source=tuple(data["source"]), forbidden=tuple(data["forbidden"]), min_bugs=data["min_bugs"],
                    order=data["order"])


def _fits(value: Any, kind: type) -> bool:
    if kind is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


@lru_cache(maxsize=1)
def tasks() -> dict[str, TaskInfo]:
    """Every task by id, in the order its task.yaml gives (the order `quizzer tasks` lists them)."""
    infos = [read_info(folder) for folder in task_folders()]
    return {info.id: info for info in sorted(infos, key=lambda i: (i.order, i.id))}
