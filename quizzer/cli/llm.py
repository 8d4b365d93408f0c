"""`quizzer llm status`: the LLM endpoint concept answers would be graded on, and whether it answers."""

from __future__ import annotations

import typer
from rich.markup import escape

from quizzer.cli import shapes
from quizzer.cli.app import QuizzerGroup, QuizzerTyper, app, emit_json
from quizzer.cli.console import out
from quizzer.cli.options import JsonOption
from quizzer.errors import EXIT_WRONG

llm_app = QuizzerTyper(cls=QuizzerGroup, name="llm", no_args_is_help=True, add_completion=False,
                       help="The optional LLM interviewer (rubric grading and follow-ups on your own endpoint).")
app.add_typer(llm_app, name="llm")


@llm_app.command("status")
def status(as_json: JsonOption = False) -> None:
    """Show the configured OpenAI-compatible endpoint and model, and check that it answers (exit 1 if not)."""
    from quizzer.llm.status import probe

    s = probe()
    if as_json:
        emit_json(shapes.llm_status(s))
    elif s.config is None:
        out.print(f"no LLM configured ({escape(' and '.join(s.missing))} not set): concept answers are judged by "
                  f"key points, offline")
        out.print("[dim]set QUIZZER_LLM_BASE_URL (e.g. http://localhost:11434/v1), QUIZZER_LLM_MODEL and, for a "
                  "hosted API, QUIZZER_LLM_API_KEY[/]")
    else:
        c = s.config
        out.print(f"endpoint: {escape(c.base_url)}")
        out.print(f"model:    {escape(c.model)}")
        out.print(f"API key:  {'from ' + c.key_source if c.key_source != 'none' else 'none'} · timeout "
                  f"{c.timeout:g} s")
        if s.answers:
            out.print(f"[green]✓ answers[/] in {s.seconds:.2f} s")
        else:
            out.print(f"[red]✗ no answer:[/] {escape(s.reason or '')}")
    if s.config is not None and not s.answers:
        raise typer.Exit(EXIT_WRONG)
