"""docs/cli.md generated from the commands' own --help, so the reference cannot go stale.

Regenerate with: python -m quizzer.cli.reference > docs/cli.md
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from quizzer.cli import app


def cli_reference() -> str:
    """Every command's --help text as Markdown, in the order `quizzer --help` lists them."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    # A fixed width, so the file does not depend on the terminal that generated it.
    ctx = typer.Context(group, info_name="quizzer", terminal_width=100, max_content_width=100)
    parts = ["# quizzer command reference", "", "Generated from `--help`; do not edit by hand.", "",
             "```text", group.get_help(ctx), "```", ""]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        sub = typer.Context(command, info_name=name, parent=ctx)
        parts += [f"## quizzer {name}", "", "```text", command.get_help(sub), "```", ""]
        if isinstance(command, TyperGroup):  # `export anki`, `llm status`: each subcommand's own help
            for sub_name in command.list_commands(sub):
                leaf = command.get_command(sub, sub_name)
                assert leaf is not None
                leaf_ctx = typer.Context(leaf, info_name=sub_name, parent=sub)
                parts += [f"## quizzer {name} {sub_name}", "", "```text", leaf.get_help(leaf_ctx), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
