"""Hand-write questions: a file the judge grades against a task's hidden tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.kinds.base import Graded, Params, QuestionKind, spec_of
from quizzer.messages import Said, say
from quizzer.models import Code, Lang, Question, Rating, Text


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
        functions = ", ".join(info.functions)
        if info.forbidden:
            return say(lang, "hint.write_without", functions=functions, banned=", ".join(info.forbidden))
        return say(lang, "hint.write", functions=functions)

    def reveal(self, q: Question, lang: Lang) -> list[str]:
        """How to start the task, then the reference solution (`show --answer`)."""
        task = spec_of(q, Code).task
        lines = [f"hand-write task '{task}': quizzer start {task}"]
        solution = self.reference(q, None, lang)
        if solution:
            lines += ["", f"Reference solution (solutions/{task}.py):", *solution.rstrip().splitlines()]
        return lines

    def answer_json(self, q: Question) -> dict[str, Any]:
        """The task id."""
        return {"task": spec_of(q, Code).task}

    def grade_file(self, q: Question, path: Path, device: str = "cpu") -> Graded:
        """Grade the candidate's file with the judge; `detail` is the judge's Verdict (QuizzerError if unusable).

        The score is the share of cases passed, zero when a forbidden API is used.
        """
        from quizzer.judge.grading import grade, read_source
        from quizzer.judge.static import header_task

        task = spec_of(q, Code).task
        named = header_task(read_source(path))
        if named is not None and named != task:
            raise QuizzerError(Said("task.mismatch", {"path": path, "named": named, "qid": q.id, "task": task}))
        verdict = grade(path, task, device)
        passed = sum(1 for c in verdict.cases if c.passed)
        total = len(verdict.cases) or 1
        summary = f"{passed}/{total} cases passed" + (f"; forbidden: {', '.join(verdict.forbidden)}"
                                                       if verdict.forbidden else "")
        return Graded("correct" if verdict.passed else "wrong", 0.0 if verdict.forbidden else passed / total,
                      summary, None, Rating.implied(verdict.passed), verdict)


KIND = CodeKind()
