"""Narrow terminals: at 60 columns tables drop low-value columns and never cut an id short."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.cli.console import out
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

LONG_ID = "demo.a-rather-long-question-id-about-expert-routing"
LONG = f"""\
  - id: {LONG_ID}
    kind: choice
    difficulty: 2
    tags: [moe]
    source: [basic.q11]
    prompt: {{zh: "MoE 的 top-1 路由每个 token 选几个专家？",
             en: "How many experts does top-1 routing pick for each token?"}}
    options: [{{zh: 一个, en: one}}, {{zh: 两个, en: two}}, {{zh: 全部, en: all}}]
    correct: [A]
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return demo_bank(tmp_path, "practice", LONG)


def run(width: int, monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str | None = None) -> str:
    monkeypatch.setattr(out, "width", width)
    result = CliRunner().invoke(app, list(args), input=stdin)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def lines_fit(text: str, width: int) -> bool:
    """Every table row fits (sentences are left to the terminal, which Rich lets wrap at words)."""
    return all(cell_len(line) <= width for line in text.splitlines() if "  " in line.strip())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_at_60_keeps_whole_ids_and_drops_kind_and_level(bank: Path, monkeypatch: pytest.MonkeyPatch,
                                                             lang: str) -> None:
    text = run(60, monkeypatch, "list", "--bank", str(bank), "--lang", lang)
    rows = text.splitlines()
    assert lines_fit(text, 60)
    assert rows[0].split() == (["id", "prompt"] if lang == "en" else ["编号", "题目"])
    assert any(row.startswith(LONG_ID + "  ") for row in rows)
    assert any(row.startswith("demo.sqrt  ") for row in rows)
    wide = run(100, monkeypatch, "list", "--bank", str(bank), "--lang", lang)
    assert len(wide.splitlines()[0].split()) == 4  # id, kind, level and prompt when there is room


def test_tasks_at_60_drops_functions_and_keeps_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    text = run(60, monkeypatch, "tasks")
    assert lines_fit(text, 60)
    assert text.splitlines()[0].split() == ["id", "title", "passed"]
    assert "\nmulti_head_attention  " in text
    assert "…" not in text
    assert "functions" in run(100, monkeypatch, "tasks").splitlines()[0]


def test_history_and_mock_scorecard_at_60_keep_whole_ids(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(100, monkeypatch, "practice", "--bank", str(bank), "--id", LONG_ID, stdin="A\n")
    text = run(60, monkeypatch, "history")
    assert lines_fit(text, 60)
    assert text.splitlines()[0].split() == ["question", "verdict"]  # a 51-character id leaves room for one more
    assert f"\n{LONG_ID}  correct" in text
    assert "mode" in run(100, monkeypatch, "history").splitlines()[0]
    card = run(60, monkeypatch, "mock", "--minutes", "10", "--bank", str(bank), "--seed", "1",
               stdin="the variance grows\n\n3\nA\nB\n:skip\n")
    table = card[card.index("Scorecard"):]
    assert lines_fit(table, 60)
    assert "time/budget" not in table
    assert "…" not in table
    rows = table[table.index("\nquestion"):].splitlines()[1:]
    assert {row.split()[0] for row in rows if row.startswith("demo.")} >= {LONG_ID, "demo.sqrt"}


def test_wide_history_is_unchanged(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(200, monkeypatch, "practice", "--bank", str(bank), "--id", "demo.pick", stdin="B\n")
    header = run(200, monkeypatch, "history").splitlines()[0]
    assert header.split() == ["when", "(UTC)", "question", "verdict", "score", "secs", "mode", "answer"]


def test_a_reference_solution_is_never_cut_at_the_edge(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from quizzer.cli.practice_view import PracticeScreen

    monkeypatch.setattr(out, "width", 40)
    monkeypatch.setattr(out, "soft_wrap", False)  # as on a terminal: prose wraps at words
    code = "scores = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1)"
    PracticeScreen("en").solution(SimpleNamespace(reference=code))  # type: ignore[arg-type]
    assert code in capsys.readouterr().out
