"""Starter files for the hand-write tasks: the signature and contract, a body that raises NotImplementedError."""

from __future__ import annotations

from pathlib import Path

from quizzer.errors import QuizzerError
from quizzer.judge import catalog
from quizzer.messages import Said


def starter_path(task_id: str) -> Path:
    """Where the task's starter lives in its folder."""
    return catalog.task_folder(task_id) / "starter.py"


def has_starter(task_id: str) -> bool:
    """The task's starter file ships with the package."""
    return starter_path(task_id).is_file()


def starter_text(task_id: str) -> str:
    """The starter, with the header line `quizzer grade` reads the task from."""
    if task_id not in catalog.tasks():
        raise QuizzerError(Said("task.unknown", {"task": task_id}))
    if not has_starter(task_id):
        raise QuizzerError(Said("task.no_starter", {"task": task_id}))
    body = starter_path(task_id).read_text(encoding="utf-8")
    return f"# quizzer: task={task_id}\n{body}"


def write_starter(task_id: str, path: Path | None = None, force: bool = False) -> Path:
    """Write the starter to `path` (default `./<task>.py`; a folder gets `<task>.py` inside); refuse to overwrite."""
    text = starter_text(task_id)
    target = path or Path(f"{task_id}.py")
    if target.is_dir():
        target = target / f"{task_id}.py"
    if target.exists() and not force:
        raise QuizzerError(Said("file.exists", {"path": target}))
    if not target.parent.is_dir():
        raise QuizzerError(Said("file.no_folder", {"path": target.parent}))
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise QuizzerError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
