"""Personal banks: their own sources.yaml or none, and `validate` reporting every problem in one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("no_builtin_banks")

SOURCES = """\
documents:
  notes: {title: My interview notes}
sections:
  notes.ch1: Attention and its variants
"""

BANK = """\
topic: mine
title: {zh: 我的, en: Mine}
questions:
  - id: mine.cited
    kind: choice
    difficulty: 1
    tags: [moe]
    source: [notes.ch1]
    prompt: {zh: 选乙, en: Pick b}
    options: [{zh: 甲, en: a}, {zh: 乙, en: b}]
    correct: [B]
  - id: mine.uncited
    kind: choice
    difficulty: 2
    tags: [moe]
    prompt: {zh: 选甲, en: Pick a}
    options: [{zh: 甲, en: a}, {zh: 乙, en: b}]
    correct: [A]
"""

# Problems of every layer: the file (topic), the fields (difficulty, correct), the values (expected) and the
# cross-bank checks (sources).
BROKEN = """\
topic: my-stuff
title: {zh: 我的, en: Mine}
questions:
  - id: mine.one
    kind: choice
    difficulty: 5
    tags: [x]
    source: [notes.ch9]
    prompt: {zh: 选, en: Pick}
    options: [{zh: 甲, en: a}, {zh: 乙, en: b}]
    correct: [C]
  - id: mine.two
    kind: numeric
    difficulty: 1
    tags: [y]
    source: [nowhere.ch2]
    prompt: {zh: "x {a}", en: "x {a}"}
    params: {a: 2}
    formula: a * 3
    unit: B
    display: GB
    tolerance: {rel: 0.05}
    expected: 7 GB
    explanation: {zh: 略, en: see}
"""


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def folder_with(tmp_path: Path, bank: str, sources: str | None = SOURCES) -> Path:
    folder = tmp_path / "my-banks"
    folder.mkdir()
    (folder / "mine.yaml").write_text(bank, encoding="utf-8")
    if sources is not None:
        (folder / "sources.yaml").write_text(sources, encoding="utf-8")
    return folder


def test_a_bank_with_its_own_sources_and_one_citing_none(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK)
    assert run("validate", str(folder)) == (0, "ok: 2 questions in 1 bank\n", "")
    assert run("validate", str(folder / "mine.yaml"))[0] == 0
    code, out, _ = run("show", "mine.cited", "--bank", str(folder / "mine.yaml"))
    assert code == 0 and "source: notes.ch1  My interview notes / Attention and its variants\n" in out
    code, out, _ = run("practice", "--bank", str(folder), "--id", "mine.uncited", stdin="a\n")
    assert code == 0 and "done: 1 answered, 1 right, 0 skipped" in out


def test_without_a_sources_file_a_cited_key_is_unknown_and_says_where_to_list_it(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK, sources=None)
    bank = folder / "mine.yaml"
    assert run("validate", str(bank)) == (
        2, "", f"{bank}:8: mine.cited: unknown source 'notes.ch1' (list it in {folder / 'sources.yaml'}, or leave "
               "'source' out)\n1 problem in the banks (2 questions loaded)\n")
    code, _, err = run("list", "--bank", str(bank))
    assert code == 2 and err.startswith(f"error: {bank}:8: mine.cited: unknown source 'notes.ch1'")


def test_a_source_key_may_not_redefine_a_built_in_one(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BANK, SOURCES.replace("notes.ch1: Attention", "hot.q04: Mine\n  notes.ch1: Att"))
    code, _, err = run("validate", str(folder))
    assert code == 2
    assert err.startswith(f"{folder / 'sources.yaml'}: source 'hot.q04' is already defined elsewhere as ")


def test_validate_reports_every_problem_of_a_bank_in_one_run(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, BROKEN)
    bank, sources = folder / "mine.yaml", folder / "sources.yaml"
    code, out, err = run("validate", str(bank))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{bank}:1: topic 'my-stuff' must match the file name 'mine'",
        f"{bank}:6: mine.one: difficulty must be 1, 2 or 3",
        f"{bank}:11: mine.one: correct must list option letters among A, B",
        f"{bank}:23: mine.two: expected '7 GB' does not match the formula, which gives 6 B",
        f"{bank}:8: mine.one: unknown source 'notes.ch9' (list it in {sources}, or leave 'source' out)",
        f"{bank}:16: mine.two: unknown source 'nowhere.ch2' (list it in {sources}, or leave 'source' out)",
        "6 problems in the banks (1 question loaded)",
    ]
    data = json.loads(run("validate", str(bank), "--json")[1])
    assert data["ok"] is False and len(data["errors"]) == 6


def test_a_built_in_question_must_still_cite_a_source(no_builtin_banks: Path) -> None:
    (no_builtin_banks / "mine.yaml").write_text(BANK, encoding="utf-8")
    code, _, err = run("validate")
    assert code == 2
    bank = no_builtin_banks / "mine.yaml"
    assert err.splitlines() == [f"{bank}:8: mine.cited: unknown source 'notes.ch1'",
                                f"{bank}:12: mine.uncited: source must name at least one section",
                                "2 problems in the banks (2 questions loaded)"]
