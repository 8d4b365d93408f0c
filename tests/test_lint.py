"""The source passes ruff, mypy and the import-linter contracts configured in pyproject.toml.

They run here, so the README's one test command (and so CI) checks style, types and layers as well.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO

# mypy's cache outlives the run (in the temporary folder), so a second run takes seconds, not a minute.
MYPY_CACHE = Path(tempfile.gettempdir()) / f"quizzer-mypy-cache-{sys.version_info[0]}.{sys.version_info[1]}"
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # The checkout is analysed, not an installed copy of the package.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=280)


@pytest.mark.parametrize("args", [
    ("-m", "ruff", "check", "--no-cache", "quizzer"),
    ("-m", "mypy", "--cache-dir", str(MYPY_CACHE)),
    ("-c", LINT_IMPORTS),
], ids=["ruff", "mypy", "import-linter"])
def test_tool_passes(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 0, result.stdout + result.stderr
