"""`list`, `show` and `validate` as a script sees them: exact JSON shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank

pytestmark = pytest.mark.usefixtures("no_builtin_banks")



@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return demo_bank(tmp_path, "browse")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_json_shape(bank: Path) -> None:
    code, out, _ = run("list", "--bank", str(bank), "--topic", "demo", "--json")
    assert code == 0
    data = json.loads(out)
    assert [q["id"] for q in data] == ["demo.sqrt", "demo.kv", "demo.formula", "demo.pick", "demo.hand"]
    assert data[0] == {"id": "demo.sqrt", "topic": "demo", "kind": "concept", "difficulty": 1, "tags": ["softmax"],
                       "source": ["hot.q04"], "prompt": {"zh": "为什么除以 sqrt(d_k)？", "en": "Why divide by sqrt(d_k)?"}}


def test_list_filters(bank: Path) -> None:
    _, out, _ = run("list", "--bank", str(bank), "--topic", "demo", "--kind", "numeric", "--json")
    assert [q["id"] for q in json.loads(out)] == ["demo.kv"]
    _, out, _ = run("list", "--bank", str(bank), "--topic", "demo", "--source", "hot", "--json")
    assert [q["id"] for q in json.loads(out)] == ["demo.sqrt", "demo.kv", "demo.formula"]


@pytest.mark.parametrize(
    "qid, answer",
    [
        ("demo.kv", {"value": 4294967296.0, "unit": "B"}),
        ("demo.formula", {"formula": "2 * L * h", "variables": ["L", "h"]}),
        ("demo.hand", {"task": "attention"}),
    ],
)
def test_show_json_answer_by_kind(bank: Path, qid: str, answer: dict) -> None:
    code, out, _ = run("show", qid, "--bank", str(bank), "--json")
    assert code == 0
    assert json.loads(out)["answer"] == answer


def test_show_json_concept(bank: Path) -> None:
    data = json.loads(run("show", "demo.sqrt", "--bank", str(bank), "--json")[1])
    assert data["answer"]["text"] == {"zh": "控制方差。", "en": "To keep the variance at one."}
    assert data["answer"]["key_points"][0]["text"] == {"zh": "点积方差为 d_k", "en": "The dot product has variance d_k"}


def test_show_renders_prompt_sources_and_answer(bank: Path) -> None:
    code, out, _ = run("show", "demo.kv", "--bank", str(bank), "--answer")
    assert code == 0
    assert "source: hot.calc1  高频面试题汇总 / 计算题1" in out
    assert "KV cache at batch=4, in GB?" in out
    assert "2 x 2 x 32 x 4 x 2048 x 4096 = 4.29 GB" in out


def test_unknown_question_is_exit_2_one_line(bank: Path) -> None:
    code, out, err = run("show", "demo.nope", "--bank", str(bank))
    assert code == 2 and out == ""
    assert err == "error: unknown question 'demo.nope' (see 'quizzer list')\n"


def test_an_invalid_extra_bank_stops_list_with_its_location(tmp_path: Path) -> None:
    path = demo_bank(tmp_path, "browse")
    path.write_text(path.read_text(encoding="utf-8").replace("difficulty: 3", "difficulty: 7"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    difficulty: 7") + 1
    code, _, err = run("list", "--bank", str(path))
    assert code == 2
    assert err.startswith(f"error: {path}:{line}: demo.hand: difficulty must be 1, 2 or 3")
