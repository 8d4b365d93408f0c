"""Evidence patterns: groups of synonyms that must all appear, un-negated, in one sentence or clause.

A pattern is written `term | term + term | term`: ` + ` separates groups (all must match), `|` separates
synonyms within a group (any may match). A Latin term matches whole words and their regular inflections
("shard" also matches "shards", "sharded", "sharding"); `word*` matches any word starting with `word`;
`=word` matches the word exactly; ` ... ` inside a term allows a few words in between ("not ... mean").
A Chinese term matches as a substring. Spelling (US/UK), case, hyphens and full-width forms do not matter,
and a term that belongs to a family of synonyms (`text/synonyms.py`) accepts the whole family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizzer.text.cues import ADJACENT, BACK, FORWARD, PHRASE, PHRASE_WORDS, negation_spans
from quizzer.text.normalize import CJK, NOT_ISE_VARIANTS, clauses, normalize, sentences
from quizzer.text.synonyms import expand

# Words whose "-ing" form means something else ("meaning", "heading", "ranking").
_NO_ING = {"mean", "head", "rank", "mind", "wing", "bear", "draw", "sing", "ring", "king", "thing", "build"}
# A gap: up to four Latin words, or up to eight other characters (Chinese has no spaces), never across a
# comma or a full stop, so "不 ... 均值" cannot reach from one clause into the next.
_GAP = r"(?:(?:\s?[a-z0-9']+){0,4}?\s?|[^,;:.?!。、]{0,8}?)"
# A one-character Chinese negation (不, 没, 无) reaches the predicate right after it ("不减去均值"), not the
# rest of the clause ("critic 不准就有偏": 不 negates 准, and 有偏 is asserted); a longer one ("并不是",
# "没有", "不需要") negates the clause.
ZH_REACH = 10
_TOKEN = re.compile(rf"\*|[a-z0-9]+|[{CJK}]|\S")


class PatternError(ValueError):
    """A pattern that cannot be compiled (reported by the bank loader with its line)."""


def _word(word: str) -> tuple[str, str]:
    """A word's fixed stem and the regex of the endings it may take."""
    if not word.isalpha() or len(word) < 3:
        return word, ""
    if word.endswith("e"):
        return word[:-1], "(?:e|es|ed|ing|er|ers)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1], "(?:y|ies|ied|ying)"
    last = re.escape(word[-1])
    ing = "" if word in _NO_ING else f"|ing|{last}ing"
    return word, f"(?:s|es|ed|er|ers|{last}ed|{last}er{ing})?"


def _part(text: str, bounded: bool) -> str:
    exact = text.startswith("=")
    tokens = _TOKEN.findall(text[1:] if exact else text)
    pieces: list[str] = []
    for i, tok in enumerate(tokens):
        if tok == "*":
            continue
        latin = tok[0].isascii() and tok[0].isalnum()
        if i + 1 < len(tokens) and tokens[i + 1] == "*":
            # Answers are folded to -ize spellings, so a UK prefix stem ("quantis*") is folded the same way.
            folded = tok[:-1] + "z" if tok.endswith("is") and len(tok) >= 4 and tok not in NOT_ISE_VARIANTS else tok
            stem, ending = folded, r"[a-z0-9]*"
        elif latin and not exact:
            stem, ending = _word(tok)
        else:
            stem, ending = tok, ""
        # The word boundary is checked just after the stem, not before it: a pattern that starts with a
        # literal lets the regex engine skip ahead to candidates, about forty times faster on long answers.
        guard = f"(?<![a-z0-9]{re.escape(stem)})" if bounded and not pieces and latin else ""
        pieces.append(re.escape(stem) + guard + ending)
    # Normalised answers hold at most one space between tokens; "low rank" also matches "lowrank".
    return r"\s?".join(pieces)


@lru_cache(maxsize=8192)
def term_regex(term: str) -> str:
    """The regular expression of one term (normalised like the answers it is matched against)."""
    # A lone "*" between words is a gap, like "...".
    norm = normalize(re.sub(r"(?:^|\s)\*(?=\s|$)", " ... ", term).replace("...", " \x00 "))
    parts = [p.strip() for p in norm.split("\x00")]
    if not all(parts):
        raise PatternError(f"empty term in {term!r}")
    body = _GAP.join(_part(p, bounded=i == 0) for i, p in enumerate(parts))
    tail = r"(?![a-z0-9])" if norm[-1:].isascii() and (norm[-1:].isalnum() or norm.endswith("*")) else ""
    return body + tail


def short_stems(source: str) -> list[str]:
    """Latin prefix stems (`ab*`) under four letters in a pattern: they match far too many words."""
    return [m.group(1) for m in re.finditer(r"(?<![a-z0-9])([a-z0-9]{1,3})\*", normalize(source))]


@dataclass(frozen=True)
class Pattern:
    """A compiled evidence pattern: one regex per group."""

    source: str
    groups: tuple[re.Pattern[str], ...]
    words: str  # the source normalised, to tell the pattern's own negation words from the answer's


@lru_cache(maxsize=8192)
def compile_pattern(source: str) -> Pattern:
    """Compile `a | b + c` into one regex per group; PatternError when a group or term is empty."""
    groups = []
    for group in source.split(" + "):
        terms = [t.strip() for t in group.split("|")]
        if not all(terms):
            raise PatternError(f"empty synonym in {source!r}")
        expanded = dict.fromkeys(x for t in terms for x in expand(t))
        groups.append(re.compile("|".join(f"(?:{term_regex(t)})" for t in expanded)))
    return Pattern(source, tuple(groups), normalize(source))


@dataclass(frozen=True)
class Scope:
    """One sentence of an answer, split into clauses, with its negation cues."""

    text: str
    clause_starts: tuple[int, ...]
    cues: tuple[tuple[int, int, str, int], ...]  # start, end, reach (cues.FORWARD/BACK/ADJACENT), clause index
    question: bool


def _clause_of(scope: Scope, pos: int) -> int:
    idx = 0
    for i, start in enumerate(scope.clause_starts):
        if start <= pos:
            idx = i
    return idx


def _continues_list(clause: str, sep: str) -> bool:
    # "does not use RMSNorm, SwiGLU or RoPE" / "不用 A、B 或 C": a short item after a comma (or a 、) is still
    # inside the negated list, so the negation of the clause before reaches it; a new clause is not.
    if re.search(f"[{CJK}]", clause):
        return sep == "、" or clause[:1] in "或和及与"
    words = clause.split()
    first = words[0] if words else ""
    return sep in ",、" and (len(words) <= 3 or (first in ("or", "nor") and len(words) <= 6)
                             or (first == "and" and len(words) <= 4))


def make_scope(text: str) -> Scope:
    """Index one sentence: where its clauses start and which cues it holds."""
    starts: list[int] = []
    cues: list[tuple[int, int, str, int]] = []
    pos = 0
    negated_before = False
    for ci, clause in enumerate(clauses(text)):
        at = text.find(clause, pos)
        starts.append(at)
        pos = at + len(clause)
        found = [(at + s, at + e, reach, ci) for s, e, reach in negation_spans(clause)]
        sep = text[:at].rstrip()[-1:]
        if negated_before and not found and _continues_list(clause, sep):
            found = [(at, at, FORWARD, ci)]  # the list's negation, carried over the comma
        negated_before = any(reach == FORWARD for _, _, reach, _ in found)
        cues += found
    return Scope(text, tuple(starts), tuple(cues), text.rstrip().endswith("?"))


@lru_cache(maxsize=2048)
def answer_scopes(answer: str) -> tuple[Scope, ...]:
    """The answer cut into sentences."""
    return tuple(make_scope(p) for p in sentences(normalize(answer)))



def _negated(scope: Scope, span: tuple[int, int], own: list[tuple[int, int]], source: str) -> bool:
    start, end = span
    clause = _clause_of(scope, start)
    for cs, ce, reach, ci in scope.cues:
        if ci != clause:
            continue
        # A cue that is one of the pattern's own words ("no extra latency", "drop* ... critic") does not negate
        # it; a cue that merely falls in a gap ("is ... rate" over "is not the learning rate") does.
        if ce > cs and any(s <= cs and ce <= e for s, e in own) and _has_word(source, scope.text[cs:ce]):
            continue
        if reach == ADJACENT:
            if ce == start:
                return True
        elif reach == PHRASE:
            if ce <= start and len(scope.text[ce:start].split()) < PHRASE_WORDS:
                return True
        elif reach == BACK or (cs < end and (scope.text[cs:ce].isascii() or ce - cs > 1 or start - ce <= ZH_REACH)):
            return True
    return False


def _has_word(source: str, word: str) -> bool:
    if not word[:1].isascii():
        return word in source
    # The pattern may hold the cue as a prefix or a stem ("drop*" for "drops", "skip" for "skipping").
    return any(len(w) >= 2 and (word.startswith(w) or w.startswith(word)) for w in re.findall(r"[a-z0-9]+", source))


def matches_in(pattern: Pattern, scope: Scope, by_clause: bool = False) -> bool:
    """Whether every group has an un-negated match in this sentence (or, by_clause, in one of its clauses)."""
    if scope.question:
        return False
    found = [[m.span() for m in g.finditer(scope.text)] for g in pattern.groups]
    if not all(found):
        return False
    own = [span for spans in found for span in spans]
    live = [[sp for sp in spans if not _negated(scope, sp, own, pattern.words)] for spans in found]
    if not by_clause:
        return all(live)
    clauses_with = [{_clause_of(scope, s) for s, _ in spans} for spans in live]
    return bool(set.intersection(*clauses_with))


@lru_cache(maxsize=1024)
def _whole(answer: str) -> str:
    return normalize(answer)


def sentences_showing(answer: str, patterns: tuple[str, ...]) -> frozenset[int]:
    """The indexes of the answer's sentences that show any of the patterns (claims: within one sentence)."""
    whole = _whole(answer)
    scopes = answer_scopes(answer)
    hit: set[int] = set()
    for source in patterns:
        pattern = compile_pattern(source)
        if all(g.search(whole) for g in pattern.groups):
            hit.update(i for i, sc in enumerate(scopes) if i not in hit and matches_in(pattern, sc))
    return frozenset(hit)


def shows(answer: str, patterns: tuple[str, ...], by_clause: bool = False) -> bool:
    """Whether any pattern is shown within one sentence (claims) or one clause (misconceptions).

    (Letting a claim span two neighbouring sentences was measured on the labelled corpus: it let four times
    as many bad answers through as it rescued good ones, so a claim stays within its sentence.)
    """
    whole = _whole(answer)
    for source in patterns:
        pattern = compile_pattern(source)
        # Most patterns miss a group anywhere in the answer: reject those before cutting it into scopes.
        if not all(g.search(whole) for g in pattern.groups):
            continue
        if any(matches_in(pattern, sc, by_clause) for sc in answer_scopes(answer)):
            return True
    return False
