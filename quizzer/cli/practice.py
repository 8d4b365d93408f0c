"""`quizzer practice`: the interactive loop."""

from __future__ import annotations

import random
import time
from pathlib import Path

import typer

from quizzer.cli.app import app
from quizzer.cli.options import (
    BankOption,
    DeviceOption,
    DifficultyOption,
    KindOption,
    LangOption,
    TagOption,
    TopicOption,
    language,
    load_banks,
    selection,
)
from quizzer.cli.practice_view import PracticeScreen
from quizzer.errors import EXIT_INTERRUPTED, QuizzerError
from quizzer.practice.loop import EndOfInput, Loop, Quit
from quizzer.practice.prompter import Prompter
from quizzer.practice.session import Filters, Session, choose
from quizzer.store import open_store
from quizzer.store.cards import due_map
from quizzer.store.db import utcnow


@app.command("practice")
def practice(
    topic: TopicOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    difficulty: DifficultyOption = None,
    ids: list[str] | None = typer.Option(None, "--id", metavar="ID",
                                         help="Practise this question (repeatable; instead of the filters)."),
    count: int = typer.Option(10, "--count", "-n", min=1, help="How many questions."),
    due: bool = typer.Option(False, "--due", help="Only reviews the scheduler says are due."),
    lang: LangOption = "en",
    seed: int | None = typer.Option(None, help="Seed for question order and numeric variants."),
    bank: BankOption = None,
    workdir: Path = typer.Option(Path("quizzer-work"), help="Where hand-write starter files are written."),
    device: DeviceOption = "cpu",
) -> None:
    """Practise: answer questions, get graded, and let spaced repetition schedule reviews."""
    from quizzer.bank.select import select

    catalog = load_banks(bank)
    chosen_by = selection(catalog, topic, tag, kind, difficulty, ids=ids)
    if ids and due:
        raise QuizzerError("--id picks the questions itself: leave out --due")
    pool = select(catalog, chosen_by)
    store = open_store()
    rng = random.Random(seed)
    # Questions named by --id are asked as named; filters pick by the scheduler's order.
    # Only the banks holding the chosen questions are read whole.
    chosen = catalog.full(pool if ids else choose(pool, Filters(due_only=due), count, rng, due_map(store), utcnow()))
    screen = PracticeScreen(language(lang))
    if not chosen:
        store.close()
        screen.note("nothing is due for review right now" if due else "no questions match these filters")
        return
    session = Session(chosen, screen.lang, rng, time.monotonic)
    loop = Loop(session, store, Prompter(), screen, catalog.sources, workdir, device)
    screen.header(len(chosen), str(store.path))
    try:
        loop.run()
    except (Quit, EndOfInput):
        screen.summary(loop.tally, str(store.path), interrupted=session.current is not None)
        return
    except KeyboardInterrupt:
        screen.summary(loop.tally, str(store.path), interrupted=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        store.close()
    screen.summary(loop.tally, str(store.path), interrupted=False)
