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


def test_readme_says_how_to_run_quizzer_after_the_install() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    after_install = text.split("```", 4)[4].split("## A short tour")[0]
    assert "`.venv/bin/quizzer`" in after_install and "`source .venv/bin/activate`" in after_install
    assert "`quizzer --version`" in after_install


def test_version_flag_prints_the_package_version() -> None:
    import tomllib

    from typer.testing import CliRunner

    from quizzer.cli import app

    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"quizzer {version}\n")


def test_readme_counts_the_hand_write_tasks_there_are() -> None:
    from quizzer.judge.catalog import tasks

    text = (REPO / "README.md").read_text(encoding="utf-8")
    said = re.search(r"the (\d+) hand-write tasks", text)
    assert said is not None and int(said.group(1)) == len(tasks())
