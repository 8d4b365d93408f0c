"""Turn one bank file's parsed YAML into frozen questions, collecting every problem with its line."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

from quizzer.bank.yamlread import LineDict
from quizzer.errors import ExprError
from quizzer.expr import evaluate, names_in, parse
from quizzer.models import (
    KINDS,
    Bank,
    Choice,
    Code,
    Concept,
    Formula,
    KeyPoint,
    Misconception,
    Mistake,
    Numeric,
    Problem,
    Question,
    Spec,
    Text,
    Tolerance,
    Variable,
)
from quizzer.text.patterns import PatternError, compile_pattern, short_stems
from quizzer.units import BASE_UNITS, UNITS

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
LETTERS = "ABCDEF"
T = TypeVar("T")
NO_STRINGS: tuple[str, ...] = ()
NO_TEXTS: tuple[Text, ...] = ()

COMMON = {"id", "kind", "difficulty", "tags", "source", "prompt", "explanation", "follow_ups", "aliases"}
BY_KIND = {
    "concept": {"answer", "key_points", "misconceptions"},
    "numeric": {"params", "vary", "formula", "unit", "display", "tolerance", "expected", "common_mistakes"},
    "formula": {"variables", "formula"},
    "choice": {"options", "correct"},
    "code": {"task"},
}
REQUIRED = {
    "concept": {"answer", "key_points"},
    "numeric": {"params", "formula", "unit", "display", "tolerance", "expected", "explanation"},
    "formula": {"variables", "formula", "explanation"},
    "choice": {"options", "correct"},
    "code": {"task"},
}


class Invalid(Exception):
    """Raised inside the reader to abandon one question after recording the problem."""


class Reader:
    """Reads one bank file; every check records a Problem with file, line and question id.

    `cited` keeps every question's source keys, a question that is unusable for another reason included, so
    unknown sources are reported in the same run as the rest.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.qid = ""
        self.cited: list[tuple[str, int | None, tuple[str, ...]]] = []

    def soft(self, read: Callable[[], T], default: T) -> T:
        """`read()`, or `default` after its problem is recorded, so the checks after it still run."""
        try:
            return read()
        except Invalid:
            return default

    def fail(self, line: int | None, message: str) -> None:
        prefix = f"{self.qid}: " if self.qid else ""
        self.problems.append(Problem(self.file, line, prefix + message))

    def need(self, ok: bool, line: int | None, message: str) -> None:
        if not ok:
            self.fail(line, message)
            raise Invalid

    def mapping(self, value: Any, line: int, what: str) -> LineDict:
        self.need(isinstance(value, LineDict), line, f"{what} must be a mapping")
        return value

    def keys(self, data: LineDict, allowed: set[str], required: set[str], what: str, strict: bool = True) -> None:
        """Unknown and missing keys, all of them; `strict=False` goes on past unknown keys (they are unused)."""
        for key in data:
            if key not in allowed:
                self.fail(data.line_of(key), f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required - set(data)):
            self.fail(data.line, f"{what} is missing {key!r}")
        if (strict and set(data) - allowed) or required - set(data):
            raise Invalid

    def text(self, value: Any, line: int, what: str) -> Text:
        data = self.mapping(value, line, what)
        self.keys(data, {"zh", "en"}, {"zh", "en"}, what)
        for lang in ("zh", "en"):
            self.need(isinstance(data[lang], str) and data[lang].strip() != "", data.line_of(lang),
                      f"{what}.{lang} must be non-empty text")
        return Text(zh=data["zh"].strip(), en=data["en"].strip())

    def strings(self, value: Any, line: int, what: str, pattern: re.Pattern[str] | None = None) -> tuple[str, ...]:
        self.need(isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value), line,
                  f"{what} must be a list of strings")
        for v in value:
            self.need(pattern is None or bool(pattern.fullmatch(v)), line, f"{what}: {v!r} is not a valid name")
        return tuple(v.strip() for v in value)

    def items(self, value: Any, line: int, what: str, lo: int, hi: int) -> list[Any]:
        self.need(isinstance(value, list) and lo <= len(value) <= hi, line,
                  f"{what} must be a list of {lo} to {hi} entries")
        return value

    def number(self, value: Any, line: int, what: str) -> float | Fraction:
        # YAML 1.1 reads `312e12` as a string, so numeric strings go through the expression parser.
        if isinstance(value, bool):
            self.need(False, line, f"{what} must be a number")
        if isinstance(value, int):
            return Fraction(value)
        if isinstance(value, float):
            return value
        self.need(isinstance(value, str), line, f"{what} must be a number")
        try:
            return evaluate(parse(value))
        except ExprError as exc:
            self.need(False, line, f"{what}: {exc.message}")
        raise AssertionError  # unreachable

    def formula(self, value: Any, line: int, what: str, names: set[str]) -> str:
        self.need(isinstance(value, str) and value.strip() != "", line, f"{what} must be a formula")
        try:
            used = parse(value)
        except ExprError as exc:
            self.need(False, line, f"{what} {value!r}: {exc.message}")
        unknown = sorted(names_in(used) - names)
        self.need(not unknown, line, f"{what} uses undeclared names: {', '.join(unknown)}")
        return value.strip()


def _patterns(r: Reader, value: Any, line: int, what: str) -> tuple[str, ...]:
    patterns = r.strings(value, line, what)
    r.need(1 <= len(patterns) <= 24, line, f"{what} must list 1 to 24 patterns")
    for p in patterns:
        try:
            compile_pattern(p)
        except PatternError as exc:
            r.need(False, line, f"{what}: {exc}")
        for stem in short_stems(p):
            r.fail(line, f"{what}: the stem {stem + '*'!r} is shorter than four letters and matches too many "
                   f"words; list the whole words instead")
    return patterns


def _legacy_words(r: Reader, kp: LineDict, what: str) -> tuple[str, ...]:
    # Banks written before evidence patterns list words matched as prefixes; read each as a one-term pattern.
    words = r.mapping(kp["words"], kp.line_of("words"), f"{what}.words")
    r.keys(words, {"zh", "en"}, {"zh", "en"}, f"{what}.words")
    zh = r.strings(words["zh"], words.line_of("zh"), f"{what}.words.zh")
    en = r.strings(words["en"], words.line_of("en"), f"{what}.words.en")
    r.need(bool(zh) and bool(en), kp.line_of("words"), f"{what}.words needs words in both languages")
    # "|" and " + " are pattern syntax, so they are blanked out of a legacy word.
    words_all = [w.replace("|", " ").replace(" + ", " ").strip() for w in (*zh, *en)]
    return tuple(w if len(w) < 4 or not w[-1].isalpha() or not w.isascii() else w + "*" for w in words_all if w)


def _concept(r: Reader, q: LineDict) -> Concept:
    points = []
    for i, raw in enumerate(r.items(q["key_points"], q.line_of("key_points"), "key_points", 3, 6)):
        what = f"key_points[{i}]"
        kp = r.mapping(raw, q.line_of("key_points"), what)
        r.keys(kp, {"text", "evidence", "words", "essential"}, {"text"}, what)
        r.need(("evidence" in kp) != ("words" in kp), kp.line, f"{what} needs 'evidence' (or legacy 'words')")
        evidence = (_patterns(r, kp["evidence"], kp.line_of("evidence"), f"{what}.evidence") if "evidence" in kp
                    else _legacy_words(r, kp, what))
        essential = kp.get("essential", False)
        r.need(isinstance(essential, bool), kp.line_of("essential"), "essential must be true or false")
        points.append(KeyPoint(r.text(kp["text"], kp.line_of("text"), f"{what}.text"), evidence, essential))
    r.need(any(p.essential for p in points), q.line_of("key_points"),
           "key_points: mark at least one point essential (the idea without which the answer is wrong)")
    wrong = []
    for i, raw in enumerate(r.items(q.get("misconceptions", []), q.line_of("misconceptions"), "misconceptions",
                                    0, 8)):
        what = f"misconceptions[{i}]"
        mc = r.mapping(raw, q.line_of("misconceptions"), what)
        r.keys(mc, {"text", "evidence", "correction"}, {"text", "evidence", "correction"}, what)
        wrong.append(Misconception(r.text(mc["text"], mc.line_of("text"), f"{what}.text"),
                                   _patterns(r, mc["evidence"], mc.line_of("evidence"), f"{what}.evidence"),
                                   r.text(mc["correction"], mc.line_of("correction"), f"{what}.correction")))
    return Concept(r.text(q["answer"], q.line_of("answer"), "answer"), tuple(points), tuple(wrong))


def _numeric(r: Reader, q: LineDict) -> Numeric:
    raw_params = r.mapping(q["params"], q.line_of("params"), "params")
    params = {}
    for name, value in raw_params.items():
        r.need(isinstance(name, str) and bool(NAME.fullmatch(name)), raw_params.line_of(name),
               f"bad param name {name!r}")
        params[name] = r.number(value, raw_params.line_of(name), f"params.{name}")
    vary: dict[str, tuple[float | Fraction, ...]] = {}
    if "vary" in q:
        raw_vary = r.mapping(q["vary"], q.line_of("vary"), "vary")
        for name, values in raw_vary.items():
            line = raw_vary.line_of(name)
            r.need(name in params, line, f"vary.{name} is not a param")
            r.need(isinstance(values, list) and len(values) >= 2, line, f"vary.{name} must list 2 or more values")
            vary[name] = tuple(r.number(v, line, f"vary.{name}") for v in values)
    r.need(q["unit"] in BASE_UNITS, q.line_of("unit"), f"unit must be one of {', '.join(BASE_UNITS)}")
    display = UNITS.get(q["display"]) if isinstance(q["display"], str) else None
    r.need(display is not None, q.line_of("display"), f"unknown display unit {q['display']!r}")
    assert display is not None
    r.need(display.dimension == UNITS[q["unit"]].dimension, q.line_of("display"),
           f"display unit {display.name} does not measure the same thing as unit {q['unit']}")
    tol = r.mapping(q["tolerance"], q.line_of("tolerance"), "tolerance")
    r.need(len(tol) == 1 and next(iter(tol)) in ("rel", "factor"), tol.line,
           "tolerance must be {rel: R} or {factor: F}")
    kind, value = next(iter(tol.items()))
    value = float(r.number(value, tol.line, "tolerance"))
    r.need(0 < value < 1 if kind == "rel" else value > 1, tol.line, "rel must be in (0, 1), factor above 1")
    mistakes = []
    for i, raw in enumerate(q.get("common_mistakes") or []):
        m = r.mapping(raw, q.line_of("common_mistakes"), f"common_mistakes[{i}]")
        r.keys(m, {"formula", "hint"}, {"formula", "hint"}, f"common_mistakes[{i}]")
        formula = r.formula(m["formula"], m.line_of("formula"), f"common_mistakes[{i}].formula", set(params))
        mistakes.append(Mistake(formula, r.text(m["hint"], m.line_of("hint"), f"common_mistakes[{i}].hint")))
    r.need(isinstance(q["expected"], str), q.line_of("expected"), "expected must be text like '4.29 GB'")
    return Numeric(params=params, vary=vary,
                   formula=r.formula(q["formula"], q.line_of("formula"), "formula", set(params)),
                   unit=q["unit"], display=display.name, tolerance=Tolerance(kind, value), expected=q["expected"],
                   common_mistakes=tuple(mistakes))


def _formula(r: Reader, q: LineDict) -> Formula:
    variables = []
    seen: set[str] = set()
    for i, raw in enumerate(r.items(q["variables"], q.line_of("variables"), "variables", 1, 12)):
        v = r.mapping(raw, q.line_of("variables"), f"variables[{i}]")
        r.keys(v, {"name", "aliases", "meaning"}, {"name", "meaning"}, f"variables[{i}]")
        names = (v["name"], *r.strings(v.get("aliases", []), v.line_of("aliases"), "aliases", NAME))
        for name in names:
            r.need(isinstance(name, str) and bool(NAME.fullmatch(name)), v.line, f"bad variable name {name!r}")
            r.need(name not in seen, v.line, f"variable name {name!r} is declared twice")
            seen.add(name)
        variables.append(Variable(v["name"], names[1:], r.text(v["meaning"], v.line_of("meaning"), "meaning")))
    declared = {v.name for v in variables}
    return Formula(tuple(variables), r.formula(q["formula"], q.line_of("formula"), "formula", declared))


def _choice(r: Reader, q: LineDict) -> Choice:
    options = tuple(r.text(o, q.line_of("options"), f"options[{i}]")
                    for i, o in enumerate(r.items(q["options"], q.line_of("options"), "options", 2, 6)))
    correct = r.strings(q["correct"], q.line_of("correct"), "correct")
    valid = LETTERS[: len(options)]
    r.need(bool(correct) and all(c in valid for c in correct), q.line_of("correct"),
           f"correct must list option letters among {', '.join(valid)}")
    return Choice(options, tuple(sorted(set(correct))))


def _code(r: Reader, q: LineDict) -> Code:
    r.need(isinstance(q["task"], str) and bool(SLUG.fullmatch(q["task"])), q.line_of("task"), "task must be a task id")
    return Code(q["task"])


_SPEC: dict[str, Callable[[Reader, LineDict], Spec]] = {
    "concept": _concept, "numeric": _numeric, "formula": _formula, "choice": _choice, "code": _code,
}


def read_question(r: Reader, raw: Any, line: int, topic: str) -> Question | None:
    """One question, or None after recording why it is unusable.

    Each field is checked whatever the others hold, so one run reports every problem of the question; a
    question with any problem is still returned when its parts could be read, for the checks that span banks.
    """
    r.qid = ""
    try:
        q = r.mapping(raw, line, "question")
        r.need(isinstance(q.get("id"), str), q.line, "question has no id")
        r.qid = q["id"]
        if not (ID.fullmatch(q["id"]) and q["id"].startswith(topic + ".")):
            r.fail(q.line_of("id"), f"id must be '{topic}.<slug>' in lower-case letters, digits and dashes")
        source = r.soft(lambda: r.strings(q.get("source", []), q.line_of("source"), "source"), NO_STRINGS)
        r.cited.append((q["id"], q.line_of("source"), source))
        r.need(q.get("kind") in KINDS, q.line_of("kind"), f"kind must be one of {', '.join(KINDS)}")
        kind = q["kind"]
        r.keys(q, COMMON | BY_KIND[kind], {"id", "kind", "difficulty", "tags", "prompt"} | REQUIRED[kind],
               f"{kind} question", strict=False)
        difficulty = q["difficulty"] if q["difficulty"] in (1, 2, 3) else 1
        if q["difficulty"] not in (1, 2, 3):
            r.fail(q.line_of("difficulty"), "difficulty must be 1, 2 or 3")
        tags = r.soft(lambda: r.strings(q["tags"], q.line_of("tags"), "tags", SLUG), NO_STRINGS)
        aliases = r.soft(lambda: r.strings(q.get("aliases", []), q.line_of("aliases"), "aliases", ID), NO_STRINGS)
        explanation = r.soft(lambda: r.text(q["explanation"], q.line_of("explanation"), "explanation")
                             if "explanation" in q else None, None)
        follow = r.soft(lambda: tuple(r.text(f, q.line_of("follow_ups"), "follow_ups") for f in r.items(
            q.get("follow_ups", []), q.line_of("follow_ups"), "follow_ups", 0, 5)), NO_TEXTS)
        prompt = r.soft(lambda: r.text(q["prompt"], q.line_of("prompt"), "prompt"), None)
        spec = _SPEC[kind](r, q)
        if prompt is None:
            return None
        return Question(id=q["id"], topic=topic, kind=kind, difficulty=difficulty, tags=tags, source=source,
                        prompt=prompt, spec=spec, explanation=explanation, follow_ups=follow, aliases=aliases,
                        file=r.file,
                        line=q.line, lines={str(k): v for k, v in q.key_lines.items()})
    except Invalid:
        return None


def _title(r: Reader, top: LineDict) -> Text:
    """The bank's title; a bad one is recorded and the questions are still read."""
    return r.soft(lambda: r.text(top["title"], top.line_of("title"), "title"), Text(zh="?", en="?"))


def read_bank(r: Reader, data: Any, stem: str) -> Bank | None:
    """A whole bank file: `topic`, `title`, `questions`."""
    try:
        top = r.mapping(data, 1, "the file")
        r.keys(top, {"topic", "title", "questions"}, {"topic", "title", "questions"}, "the file", strict=False)
        if top["topic"] != stem:
            # The questions are still read (their ids against the file name) so every problem shows at once.
            r.fail(top.line_of("topic"), f"topic {top['topic']!r} must match the file name {stem!r}")
        title = _title(r, top)
        r.need(isinstance(top["questions"], list), top.line_of("questions"), "questions must be a list")
    except Invalid:
        return None
    questions = []
    for raw in top["questions"]:
        line = raw.line if isinstance(raw, LineDict) else top.line_of("questions")
        question = read_question(r, raw, line, stem)
        if question is not None:
            questions.append(question)
    return Bank(topic=stem, title=title, questions=tuple(questions), file=r.file)
