"""docs/cli.md is exactly what the commands' --help says today."""

from __future__ import annotations

from quizzer.cli.reference import cli_reference
from tests.conftest import REPO


def test_cli_reference_is_up_to_date() -> None:
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == cli_reference(), "run: python -m quizzer.cli.reference > docs/cli.md"
