"""Reading a history export: every field checked before anything is written, so a bad file changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.models import Lang, in_lang

FORMAT = "quizzer-history"
VERSION = 1


class ExchangeError(QuizzerError):
    """A history file that cannot be written or read."""


def _is_time(v: object) -> bool:
    if not isinstance(v, str):
        return False
    try:
        return datetime.fromisoformat(v).tzinfo is not None
    except ValueError:
        return False


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _text(v: object) -> bool:
    return isinstance(v, str)


def _optional(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda v: v is None or check(v)


def _params(v: object) -> bool:
    return v is None or (isinstance(v, dict) and all(_text(k) and _number(x) for k, x in v.items()))


def _rating(v: object) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 4)


def _card(v: object) -> bool:
    return (isinstance(v, dict) and _is_time(v.get("due")) and _optional(_is_time)(v.get("last_review"))
            and isinstance(v.get("card_id"), int))


def _count(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


# What each entry must hold: field -> (check, what it should be, for the message).
FIELDS: Mapping[str, Mapping[str, tuple[Callable[[object], bool], str]]] = {
    "attempts": {
        "uid": (lambda v: isinstance(v, str) and bool(v), "a non-empty string"),
        "question_id": (_text, "a string"), "topic": (_text, "a string"), "kind": (_text, "a string"),
        "params": (_params, "null or an object of numbers"), "answer": (_text, "a string"),
        "verdict": (_text, "a string"), "score": (_number, "a number"), "rating": (_rating, "null or 1..4"),
        "seconds": (_number, "a number"), "mode": (_text, "a string"), "session_id": (_text, "a string"),
        "answered_at": (_is_time, "an ISO 8601 time with a UTC offset"),
    },
    "cards": {
        "question_id": (_text, "a string"), "card": (_card, "an FSRS card object (card_id, due, last_review)"),
        "due": (_is_time, "an ISO 8601 time with a UTC offset"), "reviews": (_count, "a whole number >= 0"),
    },
    "mocks": {
        "id": (lambda v: isinstance(v, str) and bool(v), "a non-empty string"),
        "started_at": (_is_time, "an ISO 8601 time with a UTC offset"),
        "ended_at": (_optional(_is_time), "null or an ISO 8601 time"), "minutes": (_number, "a number"),
        "track": (_text, "a string"), "seed": (_optional(lambda v: isinstance(v, int)), "null or an integer"),
        "score": (_optional(_number), "null or a number"), "report_path": (_optional(_text), "null or a string"),
        "summary": (lambda v: v is None or isinstance(v, dict), "null or an object"),
    },
}


# Fields a version-1 file may leave out (written by later quizzers): checked only when present.
OPTIONAL: Mapping[str, Mapping[str, tuple[Callable[[object], bool], str]]] = {
    "attempts": {"undone_at": (_optional(_is_time), "null or an ISO 8601 time")},  # a rating taken back by :undo
}


def _fail(path: Path, lang: Lang, en: str, zh: str) -> ExchangeError:
    return ExchangeError(f"{path}: {in_lang(lang, en, zh)}")


def read_document(path: Path, lang: Lang = "en") -> dict[str, Any]:
    """The export in `path`, checked field by field; an ExchangeError names the first problem."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(path, lang, f"cannot read it ({exc.strerror})", f"无法读取（{exc.strerror}）") from None
    try:
        doc = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", "?")
        raise _fail(path, lang, f"not a quizzer history file (not valid JSON, line {line})",
                    f"不是 quizzer 历史文件（JSON 格式错误，第 {line} 行）") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _fail(path, lang, f'not a quizzer history file (no "format": "{FORMAT}")',
                    f'不是 quizzer 历史文件（缺少 "format": "{FORMAT}"）')
    if doc.get("version") != VERSION:
        raise _fail(path, lang, f"history format version {doc.get('version')!r} is unknown to this quizzer "
                    f"(it reads version {VERSION}); upgrade quizzer to import it",
                    f"历史文件格式版本 {doc.get('version')!r} 无法识别（本版本只读版本 {VERSION}），请升级 quizzer")
    for table, fields in FIELDS.items():
        entries = doc.get(table, [])
        if not isinstance(entries, list):
            raise _fail(path, lang, f'"{table}" must be a list', f'"{table}" 必须是列表')
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise _fail(path, lang, f"{table}[{i}] must be an object", f"{table}[{i}] 必须是对象")
            for name, (check, what) in fields.items():
                if name not in entry or not check(entry[name]):
                    raise _fail(path, lang, f"{table}[{i}].{name} must be {what}",
                                f"{table}[{i}].{name} 应为 {what}")
            for name, (check, what) in OPTIONAL.get(table, {}).items():
                if name in entry and not check(entry[name]):
                    raise _fail(path, lang, f"{table}[{i}].{name} must be {what}",
                                f"{table}[{i}].{name} 应为 {what}")
    return doc
