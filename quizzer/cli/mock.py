"""`quizzer mock`: a timed mock interview with a scorecard."""

from __future__ import annotations

import random
import time
from pathlib import Path

import typer

from quizzer.cli.app import app
from quizzer.cli.mock_view import MockScreen
from quizzer.cli.options import BankOption, DeviceOption, GraderOption, LangOption, concept_grader, language, load_banks
from quizzer.errors import EXIT_INTERRUPTED
from quizzer.mock.finish import check_report, finish
from quizzer.mock.loop import EndMock, MockLoop, judge_code_step
from quizzer.mock.plan import make_plan
from quizzer.practice.prompter import EndOfInput, Prompter
from quizzer.practice.session import Session
from quizzer.store import open_store
from quizzer.store.db import data_dir, utcnow


@app.command("mock")
def mock(
    minutes: float = typer.Option(45, "--minutes", help="Length of the round."),
    track: str = typer.Option("general", help="general, training or inference."),
    seed: int | None = typer.Option(None, help="Seed for the plan (the same seed gives the same round)."),
    report: Path | None = typer.Option(None, "--report", help="Also write the Markdown scorecard here."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --report file if it exists."),
    practice: bool = typer.Option(False, "--practice", help="Show feedback after each answer."),
    lang: LangOption = "en",
    workdir: Path | None = typer.Option(None, help="Folder for the hand-write starter (default: data folder)."),
    device: DeviceOption = "cpu",
    bank: BankOption = None,
    grader: GraderOption = None,
) -> None:
    """A timed mock interview: concepts, an estimate, a quick check and a hand-write task, then a scorecard."""
    if report is not None:
        check_report(report, force)
    catalog = load_banks(bank)
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 10**6)
    the_plan = make_plan(catalog.questions, minutes, track, seed)
    llm = concept_grader(grader, language(lang))  # with an LLM, concept answers get one follow-up each
    screen = MockScreen(language(lang))
    store = open_store()
    prompter = Prompter()
    session = Session([i.question for i in the_plan.items], screen.lang, random.Random(seed), time.monotonic, llm)
    folder = workdir or data_dir() / "mock-work"
    loop = MockLoop(the_plan, session, store, prompter, time.monotonic, practice,
                    judge_code_step(folder, device, prompter, screen, screen.lang), catalog.sources, screen)
    screen.plan(the_plan, practice)
    started = utcnow()
    try:
        try:
            loop.run()
            interrupted = False
        except (EndMock, EndOfInput):
            interrupted = len(loop.results) < len(the_plan.items)
        except KeyboardInterrupt:
            card, path = finish(loop, store, screen.lang, started, report, interrupted=True)
            screen.scorecard(card, str(path))
            raise typer.Exit(EXIT_INTERRUPTED) from None
        card, path = finish(loop, store, screen.lang, started, report, interrupted)
        screen.scorecard(card, str(path))
    finally:
        store.close()
