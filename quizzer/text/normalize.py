"""Free text made comparable: one case, one spelling, one kind of space, cut into sentences and clauses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CJK = r"\u3400-\u9fff\uf900-\ufaff"

# British endings folded onto the US ones, applied to answers and evidence alike, so a term written once
# matches both spellings ("quantisation" = "quantization", "optimiser" = "optimizer", "behaviour" = "behavior").
# Words in -ise that have no -ize spelling keep theirs, so a stem such as `supervis*` still matches them.
NOT_ISE_VARIANTS = frozenset({
    "supervis", "advis", "revis", "exercis", "promis", "precis", "concis", "otherwis", "rais", "nois", "wis",
    "ris", "prais", "expertis", "enterpris", "surpris", "compromis", "disguis", "compris", "despis", "devis",
    "improvis", "televis", "franchis", "merchandis", "likewis", "clockwis", "premis", "paradis", "treatis",
    "demis", "excis", "incis", "pois", "chais", "bruis", "cruis", "practis", "licens",
})
_ISE = re.compile(r"\b([a-z]+?is)(ation|ations|e|es|ed|ing|er|ers)\b")


def _ize(m: re.Match[str]) -> str:
    stem, ending = m.group(1), m.group(2)
    return m.group(0) if stem in NOT_ISE_VARIANTS or len(stem) < 4 else stem[:-1] + "z" + ending


_SPELLING = (
    (re.compile(r"(?<=[a-z]{2})our\b"), "or"),
    (re.compile(r"(?<=[a-z]{2})ours\b"), "ors"),
    (re.compile(r"(?<=[a-z])yse(s|d)?\b"), r"yze\1"),
    (re.compile(r"(?<=[a-z]{3})tre\b"), "ter"),
    (re.compile(r"\bmodell(ing|ed)\b"), r"model\1"),
    (re.compile(r"\blabell(ing|ed)\b"), r"label\1"),
)
_SPACES_IN_CJK = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
_CONTRACTIONS = re.compile(r"\b(is|are|was|were|do|does|did|has|have|had|could|would|should|need)n['’]t\b")
_CANT = re.compile(r"\b(can['’]t|cannot|won['’]t)\b")

# Sentences end at ". " ? ; and 。 ("!" only before Chinese or at the end: "n!" is a factorial) and at line
# breaks; a dot between digits ("1.5") or inside an abbreviation ("e.g.") does not end one.
# (NFKC has already turned the full-width ？！；：， into ASCII, so Chinese punctuation arrives unspaced.)
_SENTENCE = re.compile(rf"(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$|[{CJK}])|[?;]|!(?=[{CJK}]|\s*$)|[。\n]")
# Clauses also end at commas and colons and before contrasting conjunctions, so "X, while Y" or "X，而 Y"
# keeps a claim about Y from borrowing the subject X.
_CLAUSE = re.compile(
    r"[,:，、：]|\s(?=(?:but|while|whereas|however|although|though|unlike|instead)\b)"
    r"|(?=(?:但是|但|而(?!不是|非)|不过|然而|却|与此相反|相反))"
)


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Lower case, NFKC (full-width to half-width), US spelling, one space, no spaces between Chinese characters."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _CANT.sub("can not", text)
    text = _CONTRACTIONS.sub(r"\1 not", text)
    text = re.sub(r"[-_/–—]+", " ", text)
    text = _ISE.sub(_ize, text)
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    text = re.sub(r"\s+", " ", text).strip()
    return _SPACES_IN_CJK.sub("", text)


def sentences(text: str) -> list[str]:
    """The sentences of a normalised text (a question mark keeps its sentence's final '?')."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE.finditer(text):
        end = m.end() if m.group() in "?？" else m.start()
        out.append(text[start:end].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def clauses(sentence: str) -> list[str]:
    """The clauses of one sentence."""
    return [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip()]
