"""Grade a formula answer: declared names and aliases, then equality as functions of positive variables."""

from __future__ import annotations

import difflib
import math
import random
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from quizzer.errors import ExprError
from quizzer.expr import Binary, Call, Name, Node, Unary, evaluate, names_in, parse, parse_formula_answer
from quizzer.expr.evaluate import Value
from quizzer.grading import symbolic
from quizzer.grading.dims import NONE
from quizzer.grading.hints import factor_hint
from quizzer.messages import Said
from quizzer.models import Formula, Lang, Tolerance, Variable, in_lang

POINTS = 8
# Relative difference below which float evaluations count as equal (sqrt, log and exp round); between the
# two limits SymPy is asked, since cancellation can make equal formulas differ by more than rounding.
SAME, DIFFERENT = 1e-9, 1e-6


@dataclass(frozen=True)
class FormulaVerdict:
    """The grade of one formula answer.

    status: correct | wrong | unreadable; method: symbolic (SymPy showed the difference is 0) or evaluation
    (random positive values decided).
    """

    correct: bool
    message: str
    hint: str | None = None
    method: str = ""
    status: str = "correct"
    readable: bool = True


def _segment(word: str, known: dict[str, str]) -> list[str] | None:
    """`ND` -> [N, D] when the pieces are declared names (fewest pieces wins), else None."""
    best: dict[int, list[str]] = {0: []}
    for i in range(len(word)):
        if i not in best:
            continue
        for j in range(i + 1, len(word) + 1):
            piece = word[i:j]
            if piece in known and (j not in best or len(best[i]) + 1 < len(best[j])):
                best[j] = best[i] + [known[piece]]
    return best.get(len(word))


def _rename(node: Node, known: dict[str, str]) -> Node:
    """The tree with every name spelled as declared; raises ExprError for a name that is not declared."""
    if isinstance(node, Name):
        if node.id in known:
            return Name(known[node.id], node.pos)
        pieces = _segment(node.id, known)
        if pieces is None:
            if node.id in ("pi", "π"):
                return Name("pi", node.pos)
            raise ExprError(_unknown(node.id, known), node.pos)
        out: Node = Name(pieces[0], node.pos)
        for piece in pieces[1:]:
            out = Binary("*", out, Name(piece, node.pos))
        return out
    if isinstance(node, Unary):
        return Unary(node.op, _rename(node.operand, known))
    if isinstance(node, Binary):
        return Binary(node.op, _rename(node.left, known), _rename(node.right, known))
    if isinstance(node, Call):
        return Call(node.func, tuple(_rename(a, known) for a in node.args))
    return node


def _unknown(word: str, known: dict[str, str]) -> Said:
    folded = [k for k in known if k.lower() == word.lower()]
    lower: dict[str, str] = {}
    for k in known:
        lower[k.lower()] = known[k] if lower.get(k.lower(), known[k]) == known[k] else ""
    pieces = _segment(word.lower(), {k: v for k, v in lower.items() if v})  # `nd` -> N*D
    near = folded or (["*".join(pieces)] if pieces else difflib.get_close_matches(word, list(known), n=1, cutoff=0.5))
    names = ", ".join(sorted(set(known.values())))
    if near:
        return Said("expr.unknown_name_near", {"word": word, "near": near[0], "names": names})
    return Said("expr.unknown_name_use", {"word": word, "names": names})


def _points(names: list[str], seed: int) -> list[dict[str, Value]]:
    rng = random.Random(seed)
    # Exact rationals: polynomial and rational formulas are then compared exactly, so a difference found
    # is a proof, and agreement at several random points all but proves equality.
    return [{n: Fraction(rng.randint(7, 97), rng.randint(2, 11)) for n in names} for _ in range(POINTS)]


def _gap(a: Value, b: Value) -> float:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return 0.0 if a == b else math.inf
    scale = max(abs(float(a)), abs(float(b)))
    return 0.0 if scale == 0 else abs(float(a) - float(b)) / scale


def _safe(node: Node, env: dict[str, Value]) -> Value | None:
    try:
        return evaluate(node, env)
    except ExprError:
        return None


def compare(answer: Node, expected: Node, variables: tuple[Variable, ...], lang: Lang = "en") -> FormulaVerdict:
    """Whether two (renamed) trees are the same function of the positive variables, with a hint if not."""
    names = sorted(({v.name for v in variables} | names_in(answer) | names_in(expected)) - {"pi"})
    seed = zlib.crc32(repr((answer, expected)).encode())
    pairs = []
    for env in _points(names, seed):
        env["pi"] = math.pi
        e = _safe(expected, env)
        if e is not None:
            pairs.append((_safe(answer, env), e))
    undefined = any(a is None for a, _ in pairs)
    worst = max((_gap(a, e) for a, e in pairs if a is not None), default=0.0)
    close = not pairs or (not undefined and worst <= DIFFERENT)
    # Far apart but finite everywhere can still be equal: cancellation spoils floats, so SymPy is asked too.
    if (close or (worst < math.inf and not undefined)) and symbolic.equal(answer, expected, names):
        return FormulaVerdict(True, in_lang(lang, "Correct: equivalent to the expected formula (shown symbolically).",
                                            "正确：与参考公式等价（符号化简验证）。"), method="symbolic")
    if close and pairs:
        return FormulaVerdict(True, in_lang(lang, f"Correct: equal to the expected formula at {len(pairs)} random "
                                                  "points.", f"正确：在 {len(pairs)} 组随机正数取值下与参考公式相等。"),
                              method="evaluation")
    if close:
        return FormulaVerdict(False, in_lang(lang, "Could not check this formula: the expected one cannot be "
                                                   "evaluated.", "无法检查：参考公式无法求值。"),
                              status="unreadable", readable=False)
    return FormulaVerdict(False, in_lang(lang, "Not equivalent to the expected formula.", "与参考公式不等价。"),
                          _diagnose(answer, expected, variables, pairs, lang), method="evaluation", status="wrong")


def _diagnose(answer: Node, expected: Node, variables: tuple[Variable, ...],
              pairs: list[tuple[Value | None, Value]], lang: Lang) -> str | None:
    meaning = {v.name: v.meaning.get(lang) for v in variables}
    missing = sorted(names_in(expected) - names_in(answer) - {"pi"})
    extra = sorted(names_in(answer) - names_in(expected) - {"pi"})
    if missing:
        listed = ", ".join(f"{n} ({meaning.get(n, n)})" for n in missing)
        return in_lang(lang, f"Your formula does not depend on {listed}.", f"你的公式没有用到 {listed}。")
    if extra:
        return in_lang(lang, f"Your formula depends on {', '.join(extra)}, which the answer does not.",
                  f"你的公式用到了 {', '.join(extra)}，而正确答案与它无关。")
    ratios = [float(a) / float(e) for a, e in pairs if a is not None and e != 0]
    if ratios and all(abs(r - ratios[0]) <= 1e-9 * abs(ratios[0]) for r in ratios) and ratios[0] > 0:
        c = ratios[0]
        shown = f"{c:.4g}" if c >= 1 else f"1/{1 / c:.4g}"
        why = factor_hint(c, NONE, Tolerance("rel", 0.001), lang)
        said = in_lang(lang, f"Yours is exactly {shown} × the expected formula.",
                       f"你的公式恰好是参考公式的 {shown} 倍。")
        return said + (" " + why if why else "")
    return None


def _known(variables: tuple[Variable, ...]) -> dict[str, str]:
    known = {}
    for v in variables:
        known[v.name] = v.name
        for alias in v.aliases:
            known.setdefault(alias, v.name)
    return known


def respell(node: Node, names: Iterable[str]) -> Node:
    """The tree with every name written as one of `names` (`ND` -> N*D); ExprError for a name that is not."""
    return _rename(node, {n: n for n in names})


def grade_formula_against(text: str, expected: Node, variables: tuple[Variable, ...],
                          lang: Lang = "en") -> FormulaVerdict:
    """Grade a typed formula against an expected tree over `variables`; never raises for any text."""
    try:
        answer = _rename(parse_formula_answer(text), _known(variables))
    except ExprError as exc:
        return FormulaVerdict(False, in_lang(lang, f"could not read the formula: {exc.message}",
                                        f"无法读懂公式：{exc.render(lang)}"), status="unreadable", readable=False)
    return compare(answer, expected, variables, lang)


def grade_formula(text: str, spec: Formula, lang: Lang = "en") -> FormulaVerdict:
    """Grade a typed answer to a formula bank question."""
    return grade_formula_against(text, _rename(parse(spec.formula), _known(spec.variables)), spec.variables, lang)


__all__ = ["FormulaVerdict", "compare", "grade_formula", "grade_formula_against", "respell"]
