"""Evidence that cannot tell questions apart: essential claims that other questions' answers also make."""

from __future__ import annotations

from quizzer.models import Concept, Problem, Question
from quizzer.text.patterns import shows

# Comparing every pair is quadratic. Up to 150 other questions are compared (all of the built-in ones);
# a bank of thousands is compared against an even sample whose size keeps the total work near BUDGET
# comparisons: a generic word shows up in any sample of a few dozen answers.
MAX_OTHERS = 150
MIN_OTHERS = 30
BUDGET = 200_000


def generic_evidence(questions: list[Question]) -> list[Problem]:
    """Essential key points whose evidence the reference answers of too many other questions show."""
    concepts = [q for q in questions if isinstance(q.spec, Concept)]
    size = max(MIN_OTHERS, min(MAX_OTHERS, BUDGET // max(1, len(concepts))))
    stride = max(1, len(concepts) // size)
    sample = concepts[::stride][: size + 1]
    # Up to 3% of the other questions may share a point (two questions about one idea); more is generic.
    allowed = max(2, len(sample) * 3 // 100)
    problems = []
    for q in concepts:
        assert isinstance(q.spec, Concept)
        others = [o for o in sample if o.id != q.id][:size]
        for i, kp in enumerate(q.spec.key_points):
            if not kp.essential:
                continue
            hits = [o.id for o in others if isinstance(o.spec, Concept)
                    and (shows(o.spec.answer.en, kp.evidence) or shows(o.spec.answer.zh, kp.evidence))]
            if len(hits) > allowed:
                problems.append(Problem(q.file, q.line_of("key_points"),
                                        f"{q.id}: key_points[{i}] is essential but the reference answers of "
                                        f"{len(hits)} other questions also show it ({', '.join(hits[:4])} ...); "
                                        f"give it evidence only this question's answer carries"))
    return problems
