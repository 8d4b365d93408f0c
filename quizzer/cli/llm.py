"""`quizzer llm status`: the LLM endpoint concept answers would be graded on, and whether it answers."""

from __future__ import annotations

import typer

from quizzer.cli import llm_view, shapes
from quizzer.cli.app import QuizzerGroup, QuizzerTyper, app, emit_json
from quizzer.cli.options import JsonOption, LangOption, language
from quizzer.errors import EXIT_WRONG

llm_app = QuizzerTyper(cls=QuizzerGroup, name="llm", no_args_is_help=True, add_completion=False,
                       help="The optional LLM interviewer (rubric grading and follow-ups on your own endpoint).")
app.add_typer(llm_app, name="llm")


@llm_app.command("status")
def status(lang: LangOption = "en", as_json: JsonOption = False) -> None:
    """Show the configured OpenAI-compatible endpoint and model, and check that it answers (exit 1 if not)."""
    from quizzer.llm.status import probe

    s = probe()
    if as_json:
        emit_json(shapes.llm_status(s))
    else:
        llm_view.status(s, language(lang))
    if s.config is not None and not s.answers:
        raise typer.Exit(EXIT_WRONG)
