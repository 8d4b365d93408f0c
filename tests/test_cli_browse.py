"""`list`, `show` and `validate` as a script sees them: exact JSON shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app

pytestmark = pytest.mark.usefixtures("no_builtin_banks")

BANK = """\
topic: demo
title: {zh: 演示, en: Demo}
questions:
  - id: demo.sqrt
    kind: concept
    difficulty: 1
    tags: [softmax]
    source: [hot.q04]
    prompt: {zh: "为什么除以 sqrt(d_k)？", en: "Why divide by sqrt(d_k)?"}
    answer: {zh: 控制方差。, en: To keep the variance at one.}
    key_points:
      - text: {zh: 点积方差为 d_k, en: The dot product has variance d_k}
        words: {zh: [方差], en: [variance]}
        essential: true
      - text: {zh: softmax 饱和, en: Softmax saturates}
        words: {zh: [饱和], en: [saturat]}
      - text: {zh: 梯度消失, en: Gradients vanish}
        words: {zh: [梯度], en: [gradient]}
  - id: demo.kv
    kind: numeric
    difficulty: 2
    tags: [kv-cache]
    source: [hot.calc1]
    prompt: {zh: "batch={batch}，KV cache 多少 GB？", en: "KV cache at batch={batch}, in GB?"}
    params: {layers: 32, hidden: 4096, batch: 4, seq: 2048, bytes: 2}
    formula: 2 * bytes * layers * batch * seq * hidden
    unit: B
    display: GB
    tolerance: {rel: 0.03}
    expected: 4.29 GB
    explanation: {zh: "= {answer}", en: "2 x {bytes} x {layers} x {batch} x {seq} x {hidden} = {answer}"}
  - id: demo.formula
    kind: formula
    difficulty: 2
    tags: [kv-cache]
    source: [hot.calc3]
    prompt: {zh: KV cache 字节数公式, en: KV cache bytes as a formula}
    variables:
      - {name: L, aliases: [layers], meaning: {zh: 层数, en: layers}}
      - {name: h, meaning: {zh: 隐藏维度, en: hidden size}}
    formula: 2 * L * h
    explanation: {zh: K 和 V, en: K and V}
  - id: demo.pick
    kind: choice
    difficulty: 1
    tags: [moe]
    source: [basic.q11]
    prompt: {zh: 选一个, en: Pick one}
    options: [{zh: 甲, en: a}, {zh: 乙, en: b}]
    correct: [B]
  - id: demo.hand
    kind: code
    difficulty: 3
    tags: [attention]
    source: [adv.m1]
    prompt: {zh: 手写注意力, en: Write attention}
    task: attention
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


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
    path = tmp_path / "demo.yaml"
    path.write_text(BANK.replace("difficulty: 3", "difficulty: 7"), encoding="utf-8")
    code, _, err = run("list", "--bank", str(path))
    assert code == 2
    assert err.startswith(f"error: {path}:53: demo.hand: difficulty must be 1, 2 or 3")
