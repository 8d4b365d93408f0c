"""`quizzer export anki`: every question a note, with ids derived from names so a re-import updates in place."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizzer.errors import QuizzerError
from quizzer.kinds import kind_of
from quizzer.kinds.base import spec_of
from quizzer.kinds.choice import LETTERS
from quizzer.models import LANGS, Choice, Code, Lang, Question, in_lang

DECK_ROOT = "quizzer"
MODEL_NAME = "quizzer question (v1)"  # a new layout gets a new name, hence a new model id
FIELDS = ("Id", "PromptEn", "PromptZh", "AnswerEn", "AnswerZh", "ExplanationEn", "ExplanationZh", "Source")
FRONT = '<div class="id">{{Id}}</div><div lang="en">{{PromptEn}}</div><hr><div lang="zh">{{PromptZh}}</div>'
BACK = ('{{FrontSide}}<hr id="answer"><div lang="en">{{AnswerEn}}</div><hr><div lang="zh">{{AnswerZh}}</div>'
        '{{#ExplanationEn}}<hr><div class="why" lang="en">{{ExplanationEn}}</div>{{/ExplanationEn}}'
        '{{#ExplanationZh}}<div class="why" lang="zh">{{ExplanationZh}}</div>{{/ExplanationZh}}'
        '<div class="source">{{Source}}</div>')
CSS = (".card { font-family: sans-serif; font-size: 18px; text-align: left; }\n"
       ".id, .source { color: #888; font-size: 13px; }\n"
       "pre { font-size: 13px; text-align: left; }\n")


class ExportError(QuizzerError):
    """An export that cannot be written."""


@dataclass(frozen=True)
class AnkiNote:
    """One question as an Anki note: fields in FIELDS order, HTML."""

    question_id: str
    guid: str
    deck: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class AnkiExport:
    """What `export anki` wrote."""

    path: Path
    notes: int
    decks: tuple[str, ...]


def stable_id(name: str) -> int:
    """An Anki deck or model id from a name: the same name always gives the same id (in Anki's usual range)."""
    return (1 << 30) + int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") % (1 << 30)


def note_guid(question_id: str) -> str:
    """The note's GUID from the question id, so exporting again updates the note instead of adding one."""
    import genanki  # the export is the only user: not imported at start-up

    return str(genanki.guid_for("quizzer", question_id))


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _pre(code: str) -> str:
    return f"<pre><code>{html.escape(code.rstrip())}</code></pre>"


def _prompt(q: Question, lang: Lang) -> str:
    kind = kind_of(q)
    lines = [kind.prompt(q, lang), *kind.frame(q, lang)]  # numeric prompts filled with the default values
    text = _html("\n".join(lines))
    if isinstance(q.spec, Code):
        from quizzer.judge.starter import has_starter, starter_text

        task = spec_of(q, Code).task
        if has_starter(task):
            text += "<br>" + _html(in_lang(lang, "Starter:", "代码模板：")) + _pre(starter_text(task))
    return text


def _answer(q: Question, lang: Lang) -> str:
    kind = kind_of(q)
    if isinstance(q.spec, Code):
        solution = kind.reference(q, None, lang)
        head = in_lang(lang, f"Reference solution (solutions/{q.spec.task}.py):",
                       f"参考解答（solutions/{q.spec.task}.py）：")
        return _html(head) + _pre(solution) if solution else _html(kind.hint(q, lang))
    if isinstance(q.spec, Choice):  # the letters alone mean nothing on a card: spell the right options out
        right = [line.strip() for letter, line in zip(LETTERS, kind.frame(q, lang)) if letter in q.spec.correct]
        return _html("\n".join(right))
    return _html("\n".join(kind.reveal(q, lang)))


def _tag(text: str) -> str:
    return "_".join(text.split())


def build_notes(questions: Sequence[Question], sources: Mapping[str, str]) -> list[AnkiNote]:
    """The notes for `questions`, one per question, in the order given."""
    notes = []
    for q in {q.id: q for q in questions}.values():  # each question once, even if listed twice
        explanation = {lang: kind_of(q).explanation(q, lang) or "" for lang in LANGS}
        source = "<br>".join(_html(f"{key}  {sources.get(key, '')}".strip()) for key in q.source)
        fields = (q.id, _prompt(q, "en"), _prompt(q, "zh"), _answer(q, "en"), _answer(q, "zh"),
                  _html(explanation["en"]), _html(explanation["zh"]), source)
        tags = (f"topic::{_tag(q.topic)}", f"kind::{q.kind}", f"difficulty::{q.difficulty}",
                *(_tag(t) for t in q.tags))
        notes.append(AnkiNote(q.id, note_guid(q.id), f"{DECK_ROOT}::{q.topic}", fields, tags))
    return notes


def write_package(notes: Sequence[AnkiNote], path: Path, force: bool = False, lang: Lang = "en") -> AnkiExport:
    """Write the notes as an .apkg, one sub-deck per topic; refuses to overwrite `path` without `force`."""
    import genanki

    if path.exists() and not force:
        raise ExportError(in_lang(lang, f"{path} already exists; choose another name or add --force",
                                  f"{path} 已存在；请换个文件名，或加 --force 覆盖"))
    if not notes:
        raise ExportError(in_lang(lang, "no question matches these filters: nothing to export",
                                  "没有符合筛选条件的题目，未导出"))
    model = genanki.Model(stable_id(MODEL_NAME), MODEL_NAME, fields=[{"name": f} for f in FIELDS],
                          templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}], css=CSS)
    decks: dict[str, genanki.Deck] = {}
    for n in notes:
        deck = decks.setdefault(n.deck, genanki.Deck(stable_id(n.deck), n.deck))
        deck.add_note(genanki.Note(model=model, fields=list(n.fields), tags=list(n.tags), guid=n.guid))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        genanki.Package(list(decks.values())).write_to_file(str(path))
    except OSError as exc:
        raise ExportError(in_lang(lang, f"cannot write {path}: {exc.strerror}",
                                  f"无法写入 {path}：{exc.strerror}")) from None
    return AnkiExport(path, len(notes), tuple(decks))
