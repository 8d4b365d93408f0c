"""The application object and the one place where domain errors become exit codes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandFunctionType

from quizzer.errors import EXIT_INTERRUPTED, QuizzerError
from quizzer.messages import current, say, use


class QuizzerGroup(TyperGroup):
    """Turns QuizzerError into a one-line message and its exit code, and Ctrl-C into 130."""

    def invoke(self, ctx: Any) -> Any:
        import os

        # Each run starts from QUIZZER_LANG (it speaks for commands without --lang too), else English; a bad
        # value is left for --lang's check to report.
        env = os.environ.get("QUIZZER_LANG")
        use(env if env in ("zh", "en") else "en")
        try:
            return super().invoke(ctx)
        except QuizzerError as exc:
            # In the language the run chose (--lang or QUIZZER_LANG) where the error names a catalog message;
            # one not in the catalog yet stays wholly English rather than half Chinese.
            lang = current() if exc.speaks(current()) else "en"
            typer.echo(say(lang, "error", message=exc.render(lang)), err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo(say(current(), "interrupted"), err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None


# Plain metavars in --help, as other command line tools write them: '--seed INTEGER', not Typer's '--seed <int>'.
TYPE_SUFFIX = re.compile(r" <([^>]*)>(?:\.\.\.)?$")


def _metavar(label: str) -> str:
    """The metavar for Typer's type label ('int range', 'list[Path]', 'str')."""
    lowered = label.lower()
    if "path" in lowered or "file" in lowered or "dir" in lowered:
        return "PATH"
    return "INTEGER" if lowered.startswith("int") else "NUMBER" if lowered.startswith("float") else "TEXT"


def _argument(param: Any) -> str:
    """An argument as a usage line names it: FILE, [PATH], ANSWER... (not {FILE}, [[PATH]] or 'file <path>')."""
    name = str(param.metavar or param.name or "").strip("[]").upper()
    many = "..." if param.nargs != 1 else ""
    return f"{name}{many}" if param.required else f"[{name}]{many}"


class QuizzerCommand(TyperCommand):
    """A command whose --help reads like any other command line tool's."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument(p) for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args: list[tuple[str, str]] = []
        opts: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, text = record
            typed = TYPE_SUFFIX.search(name)
            if param.param_type_name == "argument":
                args.append((_argument(param), text))
            elif typed and param.metavar is None:
                opts.append((name[:typed.start()] + " " + _metavar(typed.group(1)), text))
            else:
                opts.append((name, text))
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class QuizzerTyper(typer.Typer):
    """Every command it registers is a QuizzerCommand."""

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", QuizzerCommand)
        return super().command(name, **kwargs)


app = QuizzerTyper(
    cls=QuizzerGroup,
    name="quizzer",
    help="Practise LLM / ML engineering interview questions: concepts, estimates, formulas and hand-written PyTorch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def emit_json(data: Any) -> None:
    """Print one JSON document on stdout (nothing else goes to stdout with --json)."""
    import json

    if isinstance(data, list) and data:
        # An array (list, tasks, history) prints one entry per line: an `indent` forces json's pure-Python
        # encoder, which took most of a 10k-question `list --json`; this way each entry uses the C one.
        rows = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in data)
        sys.stdout.write("[\n" + rows + "\n]\n")
        return
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _show_version(value: bool) -> None:
    if value:
        from quizzer import __version__

        typer.echo(f"quizzer {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Practise LLM / ML engineering interview questions: concepts, estimates, formulas and hand-written PyTorch."""
