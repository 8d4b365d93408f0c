"""A non-editable install carries its banks: `quizzer list` works from any folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and unpacked into a folder of its own (dependencies from this venv)."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(base / "dist"), str(REPO)], check=True, timeout=300)
    (wheel,) = (base / "dist").glob("quizzer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizzer/_data/questions/sources.yaml" in names
    assert {"quizzer/judge/tasks/attention/task.yaml", "quizzer/judge/tasks/attention/starter.py"} <= set(names)
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(base / "site"),
                    str(wheel)], check=True, timeout=300)
    return base / "site"


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site))
    # -P keeps the current folder off sys.path, so only the installed copy can be imported.
    return subprocess.run([sys.executable, "-P", "-m", "quizzer", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_installed_package_lists_the_builtin_banks(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "list", "--json")
    assert result.returncode == 0, result.stderr
    ids = [q["id"] for q in json.loads(result.stdout)]
    from quizzer.bank import load_catalog

    assert ids == [q.id for q in load_catalog().questions]
    assert len(ids) > 0


def test_installed_package_imports_from_the_install(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-P", "-c", "import quizzer; print(quizzer.__file__)"], cwd=tmp_path,
                            env=dict(os.environ, PYTHONPATH=str(installed)), capture_output=True, text=True)
    assert result.stdout.strip().startswith(str(installed))


def test_installed_package_grades_against_its_own_solutions(installed: Path, tmp_path: Path) -> None:
    solution = installed / "quizzer" / "_data" / "solutions" / "rmsnorm.py"
    result = run_installed(installed, tmp_path, "grade", str(solution), "--task", "rmsnorm", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["passed"] is True
