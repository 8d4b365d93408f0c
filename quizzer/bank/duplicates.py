"""Questions that use up two slots for one idea: the same computation, or near-identical prompts."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from quizzer.errors import ExprError
from quizzer.models import Formula, Numeric, Problem, Question
from quizzer.variants import answer_value

# Two English prompts sharing this share of their words (Jaccard) ask the same thing.
SIMILAR = 0.92
MIN_WORDS = 6
# Two numeric questions with one formula shape whose prompts share this share of their words.
SAME_SHAPE_SIMILAR = 0.45
# Comparing every pair of prompts is quadratic; beyond this many questions only exact repeats are found.
MAX_PAIRWISE = 3000


def _formula_key(formula: str) -> str:
    return re.sub(r"\s+", "", formula)


def _words(text: str) -> frozenset[str]:
    # Placeholders ({batch}) carry the variant, not the question; numbers written out ("ZeRO-2") do count.
    text = re.sub(r"\{[a-z_0-9]+\}", " ", text.lower())
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text) if len(w) > 2 or w.isdigit())


def _shape(formula: str, names: list[str]) -> str:
    """The formula with its parameters renamed in order of appearance ("b*h*s^2*2" and "n*k*l^2*2" match)."""
    order: dict[str, str] = {}
    known = set(names)

    def rename(m: re.Match[str]) -> str:
        word = m.group(0)
        if word not in known:
            return word
        return order.setdefault(word, f"p{len(order)}")

    return re.sub(r"[A-Za-z_][A-Za-z_0-9]*", rename, _formula_key(formula))


def _same_computation(questions: list[Question]) -> list[Problem]:
    """Numeric questions computing the same thing: one formula shape, or one answer and a similar prompt."""
    numeric = [q for q in questions if isinstance(q.spec, Numeric)]
    shapes: dict[tuple[str, str], list[Question]] = defaultdict(list)
    values: dict[tuple[str, str], list[Question]] = defaultdict(list)
    for q in numeric:
        assert isinstance(q.spec, Numeric)
        shapes[(q.spec.unit, _shape(q.spec.formula, list(q.spec.params)))].append(q)
        try:
            values[(q.spec.unit, f"{answer_value(q.spec):.6g}")].append(q)
        except ExprError:
            continue
    pairs: dict[str, Question] = {}
    for same in shapes.values():
        for q in same[1:]:
            # One shape (a product of five sizes) serves unrelated estimates (an MHA and a GQA KV cache);
            # with a prompt about the same thing it is one question asked twice.
            if _jaccard(_words(q.prompt.en), _words(same[0].prompt.en)) >= SAME_SHAPE_SIMILAR:
                pairs.setdefault(q.id, same[0])
    for same in values.values():
        for q in same[1:]:
            # An equal answer alone can be a coincidence; with a similar prompt it is one question twice.
            if _jaccard(_words(q.prompt.en), _words(same[0].prompt.en)) >= 0.35:
                pairs.setdefault(q.id, same[0])
    for q in questions:
        if isinstance(q.spec, Formula):
            shapes[("formula", _formula_key(q.spec.formula))].append(q)
    for key, same in shapes.items():
        if key[0] == "formula":
            for q in same[1:]:
                pairs.setdefault(q.id, same[0])
    by_id = {q.id: q for q in questions}
    return [Problem(by_id[qid].file, by_id[qid].line_of("formula"),
                    f"{qid}: computes the same thing as {first.id}; merge the two or make them ask different things")
            for qid, first in pairs.items()]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _similar_prompts(questions: list[Question]) -> list[Problem]:
    words = [(q, _words(q.prompt.en)) for q in questions]
    problems = []
    if len(words) <= MAX_PAIRWISE:
        pairs = ((a, b) for a, b in combinations(words, 2))
    else:
        exact: dict[frozenset[str], list[tuple[Question, frozenset[str]]]] = defaultdict(list)
        for item in words:
            exact[item[1]].append(item)
        pairs = ((same[0], other) for same in exact.values() for other in same[1:])
    for (a, wa), (b, wb) in pairs:
        # A prompt of a few words ("Pick b") says too little to call two questions the same.
        if min(len(wa), len(wb)) >= MIN_WORDS and _jaccard(wa, wb) >= SIMILAR:
            problems.append(Problem(b.file, b.line_of("prompt"),
                                    f"{b.id}: its prompt is nearly the same as {a.id}'s; "
                                    "merge the two or make them ask different things"))
    return problems


def duplicates(questions: list[Question]) -> list[Problem]:
    """Numeric or formula questions with the same answer formula (and defaults), and near-identical prompts."""
    return _same_computation(questions) + _similar_prompts(questions)
