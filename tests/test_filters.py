"""Filters read alike in every command: --topic, --tag, --kind in any case, --difficulty, practice --id."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("no_builtin_banks")


@pytest.fixture
def bank(tmp_path: Path) -> str:
    return str(demo_bank(tmp_path, "browse"))


def listed(bank: str, *args: str) -> list[str]:
    result = runner.invoke(app, ["list", "--bank", bank, "--json", *args])
    assert result.exit_code == 0, result.stderr
    return [q["id"] for q in json.loads(result.stdout)]


@pytest.mark.parametrize("args, ids", [
    (["--topic", "DEMO"], ["demo.sqrt", "demo.kv", "demo.formula", "demo.pick", "demo.hand"]),
    (["--tag", "KV-Cache"], ["demo.kv", "demo.formula"]),
    (["--tag", "kv-cache", "--kind", "Numeric"], ["demo.kv"]),
    (["--difficulty", "1"], ["demo.sqrt", "demo.pick"]),
    (["--difficulty", "2", "--topic", "Demo", "--tag", "kv-cache"], ["demo.kv", "demo.formula"]),
    (["--difficulty", "3", "--kind", "concept"], []),
])
def test_list_filters(bank: str, args: list[str], ids: list[str]) -> None:
    assert listed(bank, *args) == ids


def test_list_table_with_tag_and_difficulty(bank: str) -> None:
    result = runner.invoke(app, ["list", "--bank", bank, "--tag", "KV-CACHE", "--difficulty", "2"])
    assert (result.exit_code, result.stdout) == (0, "id            kind     lvl  prompt                     \n"
                                                    "demo.kv       numeric  2    KV cache at batch=4, in GB?\n"
                                                    "demo.formula  formula  2    KV cache bytes as a formula\n"
                                                    "2 questions\n")


@pytest.mark.parametrize("command", ["list", "practice"])
@pytest.mark.parametrize("args, stderr", [
    (["--topic", "dmo"], "error: unknown topic 'dmo' (did you mean 'demo'?)\n"),
    (["--topic", "zzz"], "error: unknown topic 'zzz' (one of demo)\n"),
    (["--tag", "kvcache"], "error: unknown tag 'kvcache' (did you mean 'kv-cache'?)\n"),
    (["--tag", "zzz"], "error: unknown tag 'zzz' (one of attention, kv-cache, moe, softmax)\n"),
    (["--kind", "essay"], "error: unknown kind 'essay' (one of choice, code, concept, formula, numeric)\n"),
    (["--difficulty", "4"], "error: --difficulty must be 1 (easy), 2 (medium) or 3 (hard), not 4\n"),
])
def test_the_same_errors_in_every_command(bank: str, command: str, args: list[str], stderr: str) -> None:
    result = runner.invoke(app, [command, "--bank", bank, *args], input="")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


@pytest.mark.parametrize("args, stderr", [
    (["--id", "demo.pik"], "error: unknown question 'demo.pik' (did you mean 'demo.pick'?)\n"),
    (["--id", "demo.pick", "--topic", "demo"], "error: --id picks the questions itself: leave out the other filters\n"),
    (["--id", "demo.pick", "--due"], "error: --id picks the questions itself: leave out --due\n"),
])
def test_practice_id_errors(bank: str, args: list[str], stderr: str) -> None:
    result = runner.invoke(app, ["practice", "--bank", bank, *args], input="")
    assert (result.exit_code, result.stderr) == (2, stderr)


def test_practice_filters_by_difficulty_and_tag_in_any_case(bank: str) -> None:
    result = runner.invoke(app, ["practice", "--bank", bank, "--topic", "Demo", "--tag", "MoE", "--difficulty", "1"],
                           input="b\n")
    assert result.exit_code == 0
    assert "1/1 · demo · choice · difficulty 1" in result.stdout
    assert "done: 1 answered, 1 right, 0 skipped" in result.stdout


def test_practice_id_asks_exactly_the_named_questions_in_a_terminal(bank: str, tmp_path: Path) -> None:
    env = dict(os.environ, QUIZZER_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="120")
    child = pexpect.spawn(sys.executable, ["-m", "quizzer", "practice", "--bank", bank, "--id", "demo.pick",
                                           "--id", "demo.kv"], env=env, encoding="utf-8", timeout=30,
                          dimensions=(40, 120))
    child.expect("2 questions")
    child.expect("1/2 · demo · choice")
    child.expect("> ")
    child.sendline("b")
    child.expect("✓ correct")
    child.expect("2/2 · demo · numeric")
    child.expect("> ")
    child.sendline("4.3 GB")
    child.expect("done: 2 answered, 2 right, 0 skipped")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
