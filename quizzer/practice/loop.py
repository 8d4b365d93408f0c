"""The interactive practice loop: ask, read, grade, rate, save; every outcome is stored the moment it is graded."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from quizzer.kinds import UnreadableAnswer, kind_of
from quizzer.messages import say
from quizzer.models import Rating
from quizzer.practice.progress import Saved, final_verdict, save
from quizzer.practice.progress import undo as take_back
from quizzer.practice.prompter import EndOfInput, Prompter, Quit
from quizzer.practice.session import Outcome, Session
from quizzer.practice.view import PracticeView
from quizzer.store import Store
from quizzer.store.db import utcnow

# What an empty first line gets, for one-line and for multi-line answers (catalog keys).
EMPTY_ANSWER = {False: "empty.line", True: "empty.block"}
RATING_KEYS = {str(int(r)): r for r in Rating} | {r.label[0].lower(): r for r in Rating}


def ask_rating(prompter: Prompter, view: PracticeView, suggested: Rating, lang: str = "en") -> Rating:
    """Again/Hard/Good/Easy by number, initial or name; Enter takes the suggestion."""
    view.rating_menu(suggested)
    names = {r.label.lower() for r in Rating}
    while True:
        text = prompter.line("rating> ").lower()
        if not text:
            return suggested
        if text[:1] in RATING_KEYS and (len(text) == 1 or text in names):
            return RATING_KEYS[text[:1]]
        view.note(say(lang, "rate.again"))


@dataclass(frozen=True)
class Tally:
    """How a session went, counted from the final verdicts."""

    answered: int
    right: int
    skipped: int


class Loop:
    """Drives a Session from a Prompter, saving every outcome the moment it is graded."""

    def __init__(self, session: Session, store: Store, prompter: Prompter, view: PracticeView,
                 sources: Mapping[str, str], workdir: Path, device: str = "cpu", cram: bool = False,
                 follow_ups: bool = False) -> None:
        self.session, self.store, self.prompter, self.view = session, store, prompter, view
        self.sources, self.workdir, self.device, self.follow_ups = sources, workdir, device, follow_ups
        # Cram answers are saved under their own mode and never move a card: reviewing ahead of time is not recall.
        self.mode = "cram" if cram else "practice"
        self.session_id = uuid.uuid4().hex[:12]
        self.verdicts: list[str] = []  # final verdicts (self-rated answers settled by the rating)
        self.last: tuple[Saved, Outcome] | None = None  # the last rated answer, while :undo may still take it back

    @property
    def tally(self) -> Tally:
        """Answered, right and skipped so far."""
        answered = [v for v in self.verdicts if v != "skipped"]
        return Tally(len(answered), answered.count("correct"), len(self.verdicts) - len(answered))

    def keep(self, outcome: Outcome, rating: Rating | None) -> None:
        """Store the outcome and count it; a rated one is what :undo takes back."""
        saved = save(self.store, outcome, rating, self.mode, self.session_id, utcnow(), schedule=self.mode != "cram")
        self.verdicts.append(final_verdict(outcome, rating))
        self.last = (saved, outcome) if rating is not None else None

    def tell_due(self) -> None:
        """After a rating, when the question comes back."""
        if self.last is not None and self.last[0].due is not None:
            self.view.next_due(self.last[0].due - utcnow())

    def undo(self) -> bool:
        """Take back the last rating of this session and ask its question again; False when there is none."""
        if self.last is None:
            self.view.note(say(self.session.lang, "undo.none"))
            return False
        saved, outcome = self.last
        take_back(self.store, saved, utcnow())
        self.verdicts.pop()
        self.last = None
        self.session.again(outcome.asked)
        self.view.note(say(self.session.lang, "undo.done"))
        return True

    def run(self) -> None:
        """Every chosen question in turn; Quit, EndOfInput and KeyboardInterrupt end the loop early."""
        warmed = False
        while (asked := self.session.next()) is not None:
            self.view.question(asked, self.sources)
            if not warmed:  # slow graders load in the background while the candidate reads the first question
                for kind in {kind_of(q).name: kind_of(q) for q in self.session.questions}.values():
                    kind.warm_up()
                warmed = True
            if kind_of(asked.question).typed:
                self.answer()
            else:
                self.code()

    def code(self) -> None:
        """A hand-write question: the file is graded by the judge until it passes or is given up."""
        from quizzer.practice.codeflow import practice_code

        asked = self.session.current
        assert asked is not None
        result = practice_code(asked.question, self.workdir, self.device, self.prompter, self.view,
                               self.session.lang)
        if result is None:
            outcome = self.session.skip()
            self.keep(outcome, None)
        else:
            path, passed, score, summary = result
            outcome = self.session.judged(str(path), passed, score, summary)
            self.keep(outcome, outcome.implied_rating)
        self.view.verdict(outcome)
        self.tell_due()

    def answer(self) -> None:
        """Read answers and commands until one answer is graded or the question is skipped."""
        asked = self.session.current
        assert asked is not None
        multiline = kind_of(asked.question).multiline
        while True:
            text = self.prompter.block() if multiline else self.prompter.line()
            command = text.lower()
            if command == ":help":
                self.view.help()
            elif command == ":hint":
                self.view.note(self.session.hint())
            elif command == ":quit":
                raise Quit
            elif command == ":undo":
                if self.undo():
                    return
            elif command == ":skip":
                outcome = self.session.skip()
                self.keep(outcome, None)
                self.view.verdict(outcome)
                return
            elif not text:  # a stray Enter is not an answer: only :skip gives up
                self.view.note(say(self.session.lang, EMPTY_ANSWER[multiline]))
            else:
                try:
                    outcome = self.session.submit(text)
                except UnreadableAnswer as exc:
                    self.view.note(say(self.session.lang, "unreadable", reason=exc.message))
                    continue
                self.finish(outcome)
                return

    def finish(self, outcome: Outcome) -> None:
        """Show and keep a graded answer; a self-rated one waits for the candidate's rating first."""
        if outcome.verdict != "unrated":
            self.keep(outcome, outcome.implied_rating)
            self.view.verdict(outcome)
            self.tell_due()
            return
        self.view.review(outcome)
        try:
            rating = ask_rating(self.prompter, self.view, outcome.suggested_rating, self.session.lang)
        except (KeyboardInterrupt, EndOfInput):
            # The answer was given: keep it with the suggested rating before stopping.
            self.keep(outcome, outcome.suggested_rating)
            raise
        self.keep(outcome, rating)
        if self.follow_ups:
            self.follow_up(outcome)
        self.tell_due()

    def follow_up(self, outcome: Outcome) -> None:
        """`--follow-up`: the interviewer asks one question about the answer, then judges the reply."""
        from quizzer.practice.followup import grade_reply, question_for

        lang, config = self.session.lang, self.session.llm
        question = question_for(outcome, config, lang)
        if question is None or config is None:
            self.view.note(say(self.session.lang, "followup.none"))
            return
        self.view.follow_up(question)
        reply = self.prompter.block()
        if reply.lower() in (":skip", ":quit"):
            if reply.lower() == ":quit":
                raise Quit
            reply = ""
        self.view.follow_up_result(grade_reply(outcome, question, reply, config, lang))


__all__ = ["EndOfInput", "Loop", "Quit", "Tally", "ask_rating"]
