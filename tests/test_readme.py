"""The README's two commands are the ones CI runs and they name real things."""

from __future__ import annotations

import re

from tests.conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)[:2]


def test_readme_opens_with_install_and_test_commands() -> None:
    practice, tests = readme_commands()
    assert practice.endswith("quizzer practice") and "pip install -q ." in practice
    assert tests.endswith("python -m pytest") and "'.[test]'" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci
