"""A hand-write question inside `quizzer practice`: starter file, grading on Enter, history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

REPO = Path(__file__).resolve().parents[1]

BANK = """\
topic: demo
title: {zh: 演示, en: Demo}
questions:
  - id: demo.rmsnorm
    kind: code
    difficulty: 2
    tags: [normalization, hand-write]
    source: [hot.q04]
    task: rmsnorm
    prompt: {zh: "手写 RMSNorm。", en: "Hand-write RMSNorm."}
"""


def run(tmp_path: Path, answers: str) -> tuple[int, str, Path]:
    bank = tmp_path / "demo.yaml"
    bank.write_text(BANK, encoding="utf-8")
    work = tmp_path / "work"
    result = CliRunner().invoke(app, ["practice", "--bank", str(bank), "--kind", "code", "--workdir", str(work)],
                                input=answers)
    return result.exit_code, result.stdout, work


def attempts(home: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(home / "history.sqlite3")
    return list(conn.execute("SELECT question_id, verdict, answer FROM attempts ORDER BY id"))


def test_the_starter_fails_and_giving_up_records_the_grade(tmp_path: Path, isolated_home: Path) -> None:
    code, out, work = run(tmp_path, "\n\n:skip\n")
    assert code == 0
    starter = work / "rmsnorm.py"
    assert starter.read_text(encoding="utf-8").startswith("# quizzer: task=rmsnorm\n")
    assert f"edit {starter}, then press Enter to grade it" in out
    assert (f"starter written to {starter} in the practice work folder {work.resolve()} (set it with --workdir; your "
            "file stays there for the next session)") in out
    assert "FAIL" in out and "✗ wrong" in out
    # The reference solution itself, to read after trying, not the path of a file inside site-packages.
    solution = (REPO / "solutions" / "rmsnorm.py").read_text(encoding="utf-8")
    shown = out[out.index("Reference solution\n") + len("Reference solution\n"):]
    assert [line.rstrip() for line in shown.splitlines()[:len(solution.splitlines())]] == [
        line.rstrip() for line in solution.splitlines()]
    assert "solutions/rmsnorm.py" not in out
    assert attempts(isolated_home) == [("demo.rmsnorm", "wrong", str(starter))]


def test_a_correct_file_passes_and_is_kept(tmp_path: Path, isolated_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    solution = (REPO / "solutions" / "rmsnorm.py").read_text(encoding="utf-8")
    (work / "rmsnorm.py").write_text("# quizzer: task=rmsnorm\n" + solution, encoding="utf-8")
    code, out, _ = run(tmp_path, "\n\n")
    assert code == 0
    assert f"using your existing {work / 'rmsnorm.py'}" in out
    assert "PASS all" in out and "✓ correct" in out
    assert attempts(isolated_home) == [("demo.rmsnorm", "correct", str(work / "rmsnorm.py"))]


def test_skip_before_the_starter_writes_nothing(tmp_path: Path, isolated_home: Path) -> None:
    code, out, work = run(tmp_path, ":skip\n")
    assert code == 0 and not work.exists()
    assert attempts(isolated_home) == [("demo.rmsnorm", "skipped", "")]


def test_quit_while_editing_ends_the_session(tmp_path: Path, isolated_home: Path) -> None:
    code, out, _ = run(tmp_path, "\n:quit\n")
    assert code == 0 and "stopped: 0 answered" in out
    assert attempts(isolated_home) == []


def test_hint_names_the_functions_and_the_banned_apis(tmp_path: Path, isolated_home: Path) -> None:
    code, out, work = run(tmp_path, ":hint\n:skip\n")
    assert code == 0 and not work.exists()
    assert "write RMSNorm; not allowed: torch.nn.functional.rms_norm, torch.nn.RMSNorm" in out
