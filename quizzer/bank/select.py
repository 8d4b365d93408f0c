"""Which questions a command works on: one set of filters for `list`, `practice` and the rest, read alike.

Topic, tag and kind names match in any case; an unknown one is a one-line error that lists or suggests the
known ones, so `--topic Attention` and `--tag KV-Cache` mean what they say in every command.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from quizzer.bank.catalog import require_summary
from quizzer.errors import QuizzerError
from quizzer.messages import Said
from quizzer.models import Catalog, Question, Summary

DIFFICULTIES = (1, 2, 3)


@dataclass(frozen=True)
class Selection:
    """Filters as given on the command line; `ids` picks questions by id, in the order given."""

    topic: str | None = None
    tag: str | None = None
    kind: str | None = None
    difficulty: int | None = None
    source: str | None = None
    ids: tuple[str, ...] = ()

    def matches(self, q: Question | Summary) -> bool:
        """Whether `q` passes every filter (names already resolved to their bank spelling)."""
        return ((not self.topic or q.topic == self.topic) and (not self.tag or self.tag in q.tags)
                and (not self.kind or q.kind == self.kind)
                and (self.difficulty is None or q.difficulty == self.difficulty)
                and (not self.source or any(s == self.source or s.split(".")[0] == self.source for s in q.source)))


def _named(value: str | None, known: Iterable[str], what: str) -> str | None:
    """`value` spelled as one of `known` (any case), or a one-line error listing or suggesting them."""
    if value is None:
        return None
    names = sorted(set(known))
    folded = {n.lower(): n for n in names}
    if value.lower() in folded:
        return folded[value.lower()]
    near = difflib.get_close_matches(value.lower(), list(folded), n=1, cutoff=0.6)
    if near:
        raise QuizzerError(Said("unknown.near", {"what": Said(f"what.{what}"), "value": value,
                                                 "near": folded[near[0]]}))
    if len(names) <= 20:
        raise QuizzerError(Said("unknown.one_of", {"what": Said(f"what.{what}"), "value": value,
                                                   "names": ", ".join(names)}))
    raise QuizzerError(Said("unknown.none_has", {"what": Said(f"what.{what}"), "value": value}))


def resolve(selection: Selection, catalog: Catalog, kinds: Collection[str]) -> Selection:
    """The selection with names spelled as the banks spell them; a QuizzerError for anything unknown."""
    if selection.difficulty is not None and selection.difficulty not in DIFFICULTIES:
        raise QuizzerError(Said("difficulty", {"value": selection.difficulty}))
    questions = catalog.summaries
    if selection.ids and (selection.topic or selection.tag or selection.kind or selection.difficulty is not None
                          or selection.source):
        raise QuizzerError(Said("id_alone"))
    for qid in selection.ids:
        require_summary(catalog, qid)
    return Selection(
        topic=_named(selection.topic, (b.topic for b in catalog.index), "topic"),
        tag=_named(selection.tag, (t for q in questions for t in q.tags), "tag"),
        kind=_named(selection.kind, kinds, "kind"),
        difficulty=selection.difficulty, source=selection.source, ids=selection.ids)


def select(catalog: Catalog, selection: Selection) -> list[Summary]:
    """The summaries a resolved selection picks: those named by id (in that order), else every match."""
    if selection.ids:
        return [require_summary(catalog, qid) for qid in dict.fromkeys(selection.ids)]
    return [q for q in catalog.summaries if selection.matches(q)]
