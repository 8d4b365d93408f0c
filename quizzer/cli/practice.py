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
    GraderOption,
    KindOption,
    LangOption,
    TagOption,
    TopicOption,
    concept_grader,
    language,
    load_banks,
    selection,
)
from quizzer.cli.practice_view import PracticeScreen, new_limit_line
from quizzer.errors import EXIT_INTERRUPTED, QuizzerError
from quizzer.messages import Said
from quizzer.practice.days import new_today
from quizzer.practice.loop import EndOfInput, Loop, Quit
from quizzer.practice.prompter import Prompter
from quizzer.practice.session import Chosen, Filters, Session, choose
from quizzer.store import open_store
from quizzer.store.cards import due_map
from quizzer.store.db import utcnow


@app.command("practice")
def practice(
    ctx: typer.Context,
    topic: TopicOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    difficulty: DifficultyOption = None,
    ids: list[str] | None = typer.Option(None, "--id", metavar="ID",
                                         help="Practise this question (repeatable; instead of the filters)."),
    count: int = typer.Option(10, "--count", "-n", min=1, help="How many questions."),
    due: bool = typer.Option(False, "--due", help="Only reviews the scheduler says are due."),
    cram: bool = typer.Option(False, "--cram", help="Go through the whole selection (or --count of it), due or "
                                                    "not, without touching the schedule (saved as mode 'cram')."),
    new: int = typer.Option(20, "--new", min=0, metavar="N",
                            help="Most new questions (never answered before) a day; 0: reviews only."),
    lang: LangOption = "en",
    seed: int | None = typer.Option(None, help="Seed for question order and numeric variants."),
    bank: BankOption = None,
    workdir: Path = typer.Option(Path("quizzer-work"), help="Where hand-write starter files are written."),
    device: DeviceOption = "cpu",
    grader: GraderOption = None,
    follow_up: bool = typer.Option(False, "--follow-up",
                                   help="After a concept answer, the LLM interviewer asks one follow-up question."),
) -> None:
    """Practise: answer questions, get graded, and let spaced repetition schedule reviews."""
    from quizzer.bank.select import select

    catalog = load_banks(bank)
    chosen_by = selection(catalog, topic, tag, kind, difficulty, ids=ids)
    if ids and due:
        raise QuizzerError(Said("id_due"))
    pool = select(catalog, chosen_by)
    llm = concept_grader(grader, language(lang))
    if follow_up and llm is None:
        raise QuizzerError("--follow-up needs an LLM grader: set QUIZZER_LLM_BASE_URL and QUIZZER_LLM_MODEL "
                           "(and leave out --grader keypoints)")
    store = open_store()
    rng = random.Random(seed)
    now = utcnow()
    # Questions named by --id are asked as named; filters pick by the scheduler's order. The daily limit counts
    # cards made today (local day); cram makes none, so it goes through the whole selection unlimited.
    source = ctx.get_parameter_source("count")  # compared by name: Typer carries its own copy of Click's enum
    size = len(pool) if cram and source is not None and source.name == "DEFAULT" else count
    allowed = None if cram else max(0, new - new_today(store, now, now.astimezone().tzinfo))
    picked = Chosen(pool, 0) if ids else choose(
        pool, Filters(due_only=due), size, rng, due_map(store), now, allowed)
    # Only the banks holding the chosen questions are read whole.
    chosen = catalog.full(picked.questions)
    screen = PracticeScreen(language(lang))
    if not chosen:
        store.close()
        screen.note(new_limit_line(new, picked.held_back, screen.lang) if picked.held_back
                    else screen.t("practice.none_due" if due else "practice.none_match"))
        return
    session = Session(chosen, screen.lang, rng, time.monotonic, llm)
    loop = Loop(session, store, Prompter(), screen, catalog.sources, workdir, device, cram=cram, follow_ups=follow_up)
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
    if picked.held_back:  # the session ran to its end but was shorter for the limit: say why
        screen.note(new_limit_line(new, picked.held_back, screen.lang))
