"""The shared options (--lang, --device, --bank): one check, one message, defaults read when a command runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from quizzer.cli.reference import cli_reference

LANG_ERROR = "error: unknown language 'fr' (--lang or QUIZZER_LANG: one of zh, en)\n"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [["practice"], ["mock"], ["list"], ["show", "attention.why-sqrt-dk"],
                                     ["check", "1", "--expect", "1"]])
def test_a_bad_language_is_the_same_error_from_the_flag_and_the_environment(command: list[str]) -> None:
    assert run(*command, "--lang", "fr") == (2, "", LANG_ERROR)
    assert run(*command, env={"QUIZZER_LANG": "fr"}) == (2, "", LANG_ERROR)


def test_the_environment_sets_the_language_and_the_flag_wins() -> None:
    _, zh, _ = run("show", "attention.why-sqrt-dk", env={"QUIZZER_LANG": "zh"})
    _, en, _ = run("show", "attention.why-sqrt-dk", "--lang", "en", env={"QUIZZER_LANG": "zh"})
    assert zh != en
    assert en == run("show", "attention.why-sqrt-dk")[1]


@pytest.mark.parametrize("command", [["practice"], ["mock"], ["grade", "nope.py"]])
def test_a_bad_device_is_refused_by_every_command(command: list[str]) -> None:
    assert run(*command, "--device", "tpu") == (2, "", "error: unknown device 'tpu' (one of cpu, cuda)\n")


def test_a_missing_bank_is_named(tmp_path: Path) -> None:
    code, _, err = run("list", "--bank", str(tmp_path / "nope"))
    assert code == 2 and err.startswith(f"error: {tmp_path / 'nope'}: no such file or folder")


def test_help_does_not_depend_on_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = cli_reference()
    monkeypatch.setenv("QUIZZER_LANG", "zh")
    assert cli_reference() == plain
