"""The labelled concept-answer corpus: load it, judge every answer, tabulate (run as a module to see misses)."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from quizzer.bank import load_catalog
from quizzer.grading.concept import grade_concept
from quizzer.models import Concept, Question

CORPUS = Path(__file__).parent / "data" / "concept_corpus"
RATING = {1: "Again", 2: "Hard", 3: "Good"}


@dataclass(frozen=True)
class Judged:
    """One labelled answer and the rating the grader suggested."""

    qid: str
    label: str  # good | bad
    kind: str  # paraphrase | misconception | negation | hedge | offtopic
    lang: str
    text: str
    rating: int


def concept_questions() -> dict[str, Question]:
    """Every built-in concept question by id."""
    return {q.id: q for q in load_catalog().questions if isinstance(q.spec, Concept)}


def load_corpus() -> list[dict]:  # type: ignore[type-arg]
    """Every corpus entry: {id, answers: [{label, lang, kind, text}]}."""
    entries = []
    for path in sorted(CORPUS.glob("*.yaml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return entries


def judge_corpus(topic: str | None = None) -> list[Judged]:
    """Grade every labelled answer of the corpus (optionally one topic)."""
    questions = concept_questions()
    out = []
    for entry in load_corpus():
        q = questions.get(entry["id"])
        if q is None or (topic and q.topic != topic):
            continue
        assert isinstance(q.spec, Concept)
        for a in entry["answers"]:
            rating = grade_concept(a["text"], q.spec).suggested_rating
            out.append(Judged(q.id, a["label"], a["kind"], a["lang"], a["text"], rating))
    return out


def confusion(judged: list[Judged]) -> str:
    """A table of label (and kind) against suggested rating."""
    rows = Counter((j.label, j.rating) for j in judged)
    kinds = Counter((f"{j.label}/{j.kind}", j.rating) for j in judged)
    lines = [f"{'':24}{'Again':>7}{'Hard':>7}{'Good':>7}{'total':>7}"]
    for name, counter in (("good", rows), ("bad", rows)):
        total = sum(counter[(name, r)] for r in (1, 2, 3))
        lines.append(f"{name:24}" + "".join(f"{counter[(name, r)]:>7}" for r in (1, 2, 3)) + f"{total:>7}")
    for key in sorted({k for k, _ in kinds}):
        total = sum(kinds[(key, r)] for r in (1, 2, 3))
        lines.append(f"  {key:22}" + "".join(f"{kinds[(key, r)]:>7}" for r in (1, 2, 3)) + f"{total:>7}")
    return "\n".join(lines)


def main() -> None:
    """Print the table and every misjudged answer (good not Good, bad not Again)."""
    judged = judge_corpus(sys.argv[1] if len(sys.argv) > 1 else None)
    for j in judged:
        if (j.label == "good" and j.rating != 3) or (j.label == "bad" and j.rating != 1):
            print(f"{j.qid} [{j.label}/{j.kind}/{j.lang}] -> {RATING[j.rating]}: {j.text}")
    print(confusion(judged))


if __name__ == "__main__":
    main()
