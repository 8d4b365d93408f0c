"""`quizzer practice`: the interactive loop."""

from __future__ import annotations

import random
import time
import uuid
from pathlib import Path
from typing import List, Optional

import typer

from quizzer.cli import practice_view as view
from quizzer.cli.app import app, lang_default
from quizzer.cli.options import load_banks
from quizzer.cli.prompter import EndOfInput, Prompter, Quit
from quizzer.errors import EXIT_INTERRUPTED, QuizzerError
from quizzer.models import KINDS, Lang
from quizzer.progress import final_verdict, save
from quizzer.session import Filters, Outcome, Session, UnreadableAnswer, choose, rating_for
from quizzer.store import Store, open_store
from quizzer.store.cards import due_map
from quizzer.store.db import utcnow


def ask_rating(prompter: Prompter, suggested: int) -> int:
    """Again/Hard/Good/Easy by number or initial; Enter takes the suggestion."""
    keys = {"1": 1, "2": 2, "3": 3, "4": 4, "a": 1, "h": 2, "g": 3, "e": 4}
    view.out.print(view.rating_menu(suggested))
    while True:
        text = prompter.line("rating> ").lower()
        if not text:
            return suggested
        if text[:1] in keys and (len(text) == 1 or text in ("again", "hard", "good", "easy")):
            return keys[text[:1]]
        view.note("type 1-4 (or a/h/g/e), or press Enter for the suggestion")


class Loop:
    """Drives a Session from a Prompter, saving every outcome the moment it is graded."""

    def __init__(self, session: Session, store: Store, prompter: Prompter, sources: dict[str, str],
                 workdir: Path, device: str = "cpu") -> None:
        self.session, self.store, self.prompter, self.sources = session, store, prompter, sources
        self.workdir, self.device = workdir, device
        self.mode = "practice"
        self.session_id = uuid.uuid4().hex[:12]
        self.warmed = False
        self.verdicts: list[str] = []  # final verdicts (concept answers settled by the rating), for the summary

    def keep(self, outcome: Outcome, rating: int | None) -> None:
        save(self.store, outcome, rating, self.mode, self.session_id, utcnow())
        self.verdicts.append(final_verdict(outcome, rating))

    def run(self) -> None:
        lang = self.session.lang
        while (asked := self.session.next()) is not None:
            view.question(asked, lang, self.sources)
            if not self.warmed and any(q.kind == "formula" for q in self.session.questions):
                # SymPy loads in the background while the candidate reads, so the first formula check is quick.
                from quizzer.grading.symbolic import warm_up

                warm_up()
                self.warmed = True
            self.answer(asked.question.kind, lang)

    def code(self, lang: Lang) -> None:
        from quizzer.cli.codeflow import practice_code

        asked = self.session.current
        assert asked is not None
        result = practice_code(asked.question, self.workdir, self.device, self.prompter)
        if result is None:
            outcome = self.session.skip()
            self.keep(outcome, None)
            view.verdict(outcome, lang)
            return
        path, passed, score, summary = result
        outcome = self.session.judged(str(path), passed, score, summary)
        self.keep(outcome, rating_for(outcome))
        view.verdict(outcome, lang)

    def answer(self, kind: str, lang: Lang) -> None:
        if kind == "code":
            self.code(lang)
            return
        while True:
            text = self.prompter.block() if kind == "concept" else self.prompter.line()
            command = text.lower()
            if command == ":help":
                view.note(view.HELP[lang])
                continue
            if command == ":hint":
                view.note(self.session.hint())
                continue
            if command == ":quit":
                raise Quit
            if command == ":skip":
                outcome = self.session.skip()
                self.keep(outcome, None)
                view.verdict(outcome, lang)
                return
            if not text and kind != "concept":
                view.note("type an answer, or :skip / :hint / :help")
                continue
            try:
                outcome = self.session.submit(text)
            except UnreadableAnswer as exc:
                view.note(f"could not read that: {exc.message}")
                continue
            self.finish(outcome, lang)
            return

    def finish(self, outcome: Outcome, lang: Lang) -> None:
        if outcome.verdict != "unrated":
            self.keep(outcome, rating_for(outcome))
            view.verdict(outcome, lang)
            return
        view.concept_review(outcome, lang)
        try:
            rating = ask_rating(self.prompter, outcome.suggested_rating)
        except (KeyboardInterrupt, EndOfInput):
            # The answer was given: keep it with the suggested rating before stopping.
            self.keep(outcome, outcome.suggested_rating)
            raise
        self.keep(outcome, rating)


@app.command("practice")
def practice(
    topic: Optional[str] = typer.Option(None, help="Only this topic."),
    tag: Optional[str] = typer.Option(None, help="Only questions with this tag."),
    kind: Optional[str] = typer.Option(None, help="Only this kind: concept, numeric, formula, choice, code."),
    count: int = typer.Option(10, "--count", "-n", min=1, help="How many questions."),
    due: bool = typer.Option(False, "--due", help="Only reviews the scheduler says are due."),
    lang: str = typer.Option(lang_default(), help="zh or en."),
    seed: Optional[int] = typer.Option(None, help="Seed for question order and numeric variants."),
    bank: Optional[List[Path]] = typer.Option(None, "--bank", help="Extra bank folder or file (repeatable)."),
    workdir: Path = typer.Option(Path("quizzer-work"), help="Where hand-write starter files are written."),
    device: str = typer.Option("cpu", help="Device for grading hand-write tasks: cpu or cuda."),
) -> None:
    """Practise: answer questions, get graded, and let spaced repetition schedule reviews."""
    if device not in ("cpu", "cuda"):
        raise QuizzerError(f"unknown device {device!r} (one of cpu, cuda)")
    if kind and kind not in KINDS:
        raise QuizzerError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if lang not in ("zh", "en"):
        raise QuizzerError("--lang must be zh or en")
    catalog = load_banks(bank)
    if topic and topic not in {b.topic for b in catalog.banks}:
        raise QuizzerError(f"unknown topic {topic!r} (one of {', '.join(sorted(b.topic for b in catalog.banks))})")
    store = open_store()
    rng = random.Random(seed)
    chosen = choose(catalog.questions, Filters(topic, tag, kind, due), count, rng, due_map(store), utcnow())
    if not chosen:
        view.note("nothing is due for review right now" if due else "no questions match these filters")
        return
    session = Session(chosen, "zh" if lang == "zh" else "en", rng, time.monotonic)
    loop = Loop(session, store, Prompter(), dict(catalog.sources), workdir, device)
    view.header(len(chosen), str(store.path), session.lang)
    try:
        loop.run()
    except (Quit, EndOfInput):
        view.summary(loop.verdicts, str(store.path), interrupted=session.current is not None)
        return
    except KeyboardInterrupt:
        view.summary(loop.verdicts, str(store.path), interrupted=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        store.close()
    view.summary(loop.verdicts, str(store.path), interrupted=False)
