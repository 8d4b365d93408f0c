"""Every `--json` object carries `"version": 1`; arrays stay plain arrays of entries."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from quizzer.cli import app
from tests.conftest import demo_bank


def json_of(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("args", [("show", "attention.why-sqrt-dk"), ("check", "4 GiB", "--expect", "4294967296 B"),
                                  ("calc", "2 GB * 2"), ("stats",)])
def test_objects_carry_version_1_first(args: tuple[str, ...]) -> None:
    data = json_of(*args)
    assert list(data)[0] == "version" and data["version"] == 1


def test_validate_carries_version_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json_of("validate", str(demo_bank(tmp_path, "practice")))
    assert data["version"] == 1 and data["ok"] is True


@pytest.mark.parametrize("args", [("list",), ("tasks",), ("history",)])
def test_arrays_stay_arrays(args: tuple[str, ...]) -> None:
    data = json_of(*args)
    assert isinstance(data, list)
    assert all("version" not in entry for entry in data)
