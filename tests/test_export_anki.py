"""`quizzer export anki`: an .apkg whose collection holds every selected question once, with stable ids."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from quizzer.bank import load_catalog
from quizzer.bank.select import Selection, select
from quizzer.cli import app
from quizzer.export.anki import FIELDS, note_guid, stable_id


def notes_of(apkg: Path, folder: Path) -> list[sqlite3.Row]:
    with zipfile.ZipFile(apkg) as z:
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", folder)
    conn = sqlite3.connect(folder / "collection.anki2")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT id, guid, mid, flds, tags FROM notes ORDER BY sfld").fetchall()
    finally:
        conn.close()


def fields(row: sqlite3.Row) -> dict[str, str]:
    return dict(zip(FIELDS, str(row["flds"]).split("\x1f"), strict=True))


def test_every_question_is_one_note_and_guids_survive_a_second_export(tmp_path: Path) -> None:
    catalog = load_catalog()
    result = CliRunner().invoke(app, ["export", "anki", str(tmp_path / "all.apkg")])
    assert result.exit_code == 0, result.stderr
    topics = {q.topic for q in catalog.questions}
    assert result.stdout.startswith(f"{len(catalog.questions)} notes in {len(topics)} decks written to ")
    first = notes_of(tmp_path / "all.apkg", tmp_path / "one")
    assert sorted(fields(r)["Id"] for r in first) == sorted(q.id for q in catalog.questions)
    assert {r["guid"] for r in first} == {note_guid(q.id) for q in catalog.questions}
    assert {r["mid"] for r in first} == {stable_id("quizzer question (v1)")}

    again = CliRunner().invoke(app, ["export", "anki", str(tmp_path / "all.apkg")])
    assert (again.exit_code, again.stderr) == (2, f"error: {tmp_path / 'all.apkg'} already exists; choose another "
                                                  f"name or add --force\n")
    assert CliRunner().invoke(app, ["export", "anki", str(tmp_path / "all.apkg"), "--force"]).exit_code == 0
    second = notes_of(tmp_path / "all.apkg", tmp_path / "two")
    assert [(r["guid"], r["flds"]) for r in second] == [(r["guid"], r["flds"]) for r in first]


def test_fields_and_tags_per_kind(tmp_path: Path) -> None:
    catalog = load_catalog()
    CliRunner().invoke(app, ["export", "anki", str(tmp_path / "a.apkg")])
    rows = {fields(r)["Id"]: r for r in notes_of(tmp_path / "a.apkg", tmp_path)}
    concept = fields(rows["attention.why-sqrt-dk"])
    assert concept["PromptEn"].startswith("Why does attention divide the scores by sqrt(d_k)?")
    assert "除以 sqrt(d_k)" in concept["PromptZh"]
    assert concept["AnswerEn"]
    assert concept["AnswerZh"]
    assert concept["Source"].startswith("hot.q04")
    assert set(str(rows["attention.why-sqrt-dk"]["tags"]).split()) >= {"topic::attention", "kind::concept"}

    numeric = next(q for q in catalog.questions if q.kind == "numeric" and "{" in q.prompt.en)
    filled = fields(rows[numeric.id])
    assert "{" not in filled["PromptEn"]
    assert "{" not in filled["PromptZh"]
    assert f"difficulty::{numeric.difficulty}" in str(rows[numeric.id]["tags"]).split()

    choice = fields(rows["algorithms.stable-softmax-max-subtraction"])
    assert choice["AnswerEn"] == "A. To stop exp from overflowing (e.g. logits of 1e4) while leaving the softmax " \
                                "mathematically unchanged"
    assert choice["AnswerZh"].startswith("A. 防止 exp 上溢")

    code = next(q for q in catalog.questions if q.kind == "code")
    written = fields(rows[code.id])
    assert "<pre><code># quizzer: task=" in written["PromptEn"]  # the starter
    assert written["AnswerEn"].startswith("Reference solution (solutions/")
    assert "def " in written["AnswerEn"]
    assert written["AnswerZh"].startswith("参考解答")


def test_filters_as_in_list(tmp_path: Path) -> None:
    catalog = load_catalog()
    expected = select(catalog, Selection(kind="choice", difficulty=1))
    result = CliRunner().invoke(app, ["export", "anki", str(tmp_path / "c.apkg"), "--kind", "Choice",
                                      "--difficulty", "1"])
    assert result.exit_code == 0, result.stderr
    rows = notes_of(tmp_path / "c.apkg", tmp_path)
    assert sorted(fields(r)["Id"] for r in rows) == sorted(q.id for q in expected)
    assert expected
    bad = CliRunner().invoke(app, ["export", "anki", str(tmp_path / "d.apkg"), "--topic", "nosuchtopic"])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: unknown topic 'nosuchtopic'")
    assert not (tmp_path / "d.apkg").exists()
