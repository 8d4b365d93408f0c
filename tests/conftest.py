"""Shared fixtures: every test gets its own data folder and a predictable terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.llm_stub import llm_stub  # noqa: F401  (a fixture: the local OpenAI-compatible stub endpoint)

REPO = Path(__file__).resolve().parent.parent
BANKS = REPO / "tests" / "data" / "banks"


def demo_bank(folder: Path, name: str, *extra: str) -> Path:
    """tests/data/banks/<name>.yaml (topic demo), with `extra` questions appended, written as folder/demo.yaml."""
    path = folder / "demo.yaml"
    path.write_text((BANKS / f"{name}.yaml").read_text(encoding="utf-8") + "".join(extra), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder at tmp_path so no test touches a real history."""
    home = tmp_path / "quizzer-home"
    monkeypatch.setenv("QUIZZER_HOME", str(home))
    monkeypatch.delenv("QUIZZER_BANKS", raising=False)
    monkeypatch.delenv("QUIZZER_LANG", raising=False)
    for name in ("QUIZZER_LLM_BASE_URL", "QUIZZER_LLM_MODEL", "QUIZZER_LLM_API_KEY", "QUIZZER_LLM_TIMEOUT",
                 "OPENAI_API_KEY"):  # a developer's own endpoint never answers a test
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    return home


@pytest.fixture
def no_builtin_banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Built-in banks replaced by an empty folder (with the real sources list), for tests of the machinery."""
    import shutil

    from quizzer import resources

    folder = tmp_path / "builtin-questions"
    folder.mkdir()
    shutil.copy(REPO / "questions" / "sources.yaml", folder / "sources.yaml")
    monkeypatch.setattr(resources, "questions_dir", lambda: folder)
    return folder
