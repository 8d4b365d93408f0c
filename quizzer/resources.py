"""Where the built-in banks, solutions and sources live, installed or in a source checkout (stdlib only)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A wheel carries the folders inside the package (quizzer/_data/<name>); a source checkout or an
    # editable install has them at the repository root, next to the package.
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def questions_dir() -> Path:
    """The built-in question banks."""
    return _data_dir("questions")


def solutions_dir() -> Path:
    """The reference solutions of the hand-write tasks."""
    return _data_dir("solutions")


def sources_file() -> Path:
    """The list of source documents and sections."""
    return questions_dir() / "sources.yaml"
