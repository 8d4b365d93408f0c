"""Hand-write questions: a file the judge grades against a task's hidden tests."""

from __future__ import annotations

from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, spec_of
from quizzer.models import Code, Lang, Question, Text


class CodeKind(QuestionKind):
    """A task id; the answer is the candidate's file, graded by the judge (see practice.codeflow)."""

    name = "code"
    answer_help = Text(zh="按回车生成代码模板，或 :skip 跳过。", en="Press Enter to write the starter file, or :skip.")
    typed = False

    def grade(self, q: Question, params: Params | None, text: str, lang: Lang) -> Graded:
        """Never: a file is graded by the judge, not a typed answer."""
        raise QuizzerError("code questions are graded by the judge, not from a typed answer")

    def reference(self, q: Question, params: Params | None, lang: Lang) -> str:
        """The reference solution's source (it ships with the package), to read after trying; empty if missing."""
        from quizzer.resources import solutions_dir

        try:
            return (solutions_dir() / f"{spec_of(q, Code).task}.py").read_text(encoding="utf-8")
        except OSError:
            return ""

    def hint(self, q: Question, lang: Lang) -> str:
        """The functions to write and the APIs that are not allowed."""
        from quizzer.judge.catalog import tasks

        info = tasks()[spec_of(q, Code).task]
        banned = f"; not allowed: {', '.join(info.forbidden)}" if info.forbidden else ""
        return f"write {', '.join(info.functions)}{banned}"

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """How to start the task."""
        task = spec_of(q, Code).task
        return [f"hand-write task '{task}': quizzer start {task}"]

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The task id."""
        return {"task": spec_of(q, Code).task}


KIND = CodeKind()
