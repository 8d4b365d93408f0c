"""The message catalog: both languages for every key, the same fields in each, and no sentence left outside it."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from quizzer.errors import QuizzerError
from quizzer.messages import CATALOG, Said, say

REPO = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_message_has_both_languages_with_the_same_fields(key: str) -> None:
    en, zh = CATALOG[key]
    assert en.strip()
    assert zh.strip()
    assert not CJK.search(en), f"{key}: Chinese in the English template"
    forms = en.split("¦")
    assert len(forms) <= 2, f"{key}: at most 'singular¦plural'"
    for form in forms:
        # 'a misconception' may leave out the count its plural ('{n} misconceptions') and Chinese name.
        spare = {"n"} if len(forms) == 2 else set()
        assert fields(form) - spare == fields(zh) - spare, f"{key}: {fields(form)} in English, {fields(zh)} in Chinese"


def test_plural_forms_follow_n() -> None:
    assert say("en", "n.question", n=1) == "1 question"
    assert say("en", "n.question", n=3) == "3 questions"
    assert say("zh", "n.question", n=3) == "3 道题"


def test_an_error_named_by_key_is_shown_in_either_language_with_nested_reasons() -> None:
    inner = Said("expr.unexpected_char", {"char": "Q", "position": 1})
    error = QuizzerError(Said("check.expect_unreadable", {"value": "Q", "reason": inner}))
    assert error.message == "cannot read --expect 'Q': unexpected character 'Q' at position 1"
    assert error.render("zh") == "无法读懂 --expect 'Q'：第 1 个字符 'Q' 无法识别"
    assert QuizzerError("plain text").render("zh") == "plain text"


# Strings in the views (and in what the loops hand them) that are not sentences: a command to type, and the
# English verdict word a grader's message may start with (stripped, never shown on its own).
NOT_SENTENCES = {"  quizzer grade ", "not quite"}
SENTENCE = re.compile(r"[A-Za-z]{2,}[,:;']? +[A-Za-z]{2,}")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            found.add(id(first.value))
    return found


def _sentences(path: Path, only_in_calls: tuple[str, ...] = ()) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    roots: list[ast.AST] = [tree]
    if only_in_calls:  # a loop module: only what it passes to the view
        roots = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                 and n.func.attr in only_in_calls]
    found = []
    for root in roots:
        for node in ast.walk(root):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                text = re.sub(r"\[/?[a-z ]*\]", "", node.value)  # Rich markup is not text
                if SENTENCE.search(text) and node.value not in NOT_SENTENCES:
                    found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


def test_views_and_loops_keep_their_sentences_in_the_catalog() -> None:
    views = sorted((REPO / "quizzer" / "cli").glob("*_view.py"))
    loops = [REPO / "quizzer" / p for p in ("practice/loop.py", "practice/codeflow.py", "mock/loop.py")]
    left = [s for v in views for s in _sentences(v)] + [s for p in loops for s in _sentences(p, ("note", "say",
                                                                                                "closed"))]
    assert left == []


def test_the_scan_finds_a_sentence_left_outside(tmp_path: Path) -> None:
    view = tmp_path / "probe_view.py"
    view.write_text('"""Probe."""\nout.print(say(lang, "stats.none"))\nout.print(f"[bold]{n}[/] questions left")\n',
                    encoding="utf-8")
    assert _sentences(view) == ["probe_view.py:3: '[/] questions left'"]
