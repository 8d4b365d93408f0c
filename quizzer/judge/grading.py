"""Grade candidate files: resolve the task, scan the source, run the child, and judge its reports here."""

from __future__ import annotations

import ast
import time
from pathlib import Path
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.judge import catalog
from quizzer.judge.compare import matches, mismatch
from quizzer.judge.runner import ChildRun, FileRun, Source, run_child
from quizzer.judge.static import forbidden_uses, header_task
from quizzer.judge.verdict import CaseResult, Verdict
from quizzer.resources import solutions_dir

DEFAULT_TIMEOUT = 20.0
TASKS_DIR = Path(__file__).with_name("tasks")


def ready(task_id: str) -> bool:
    """The task has hidden tests, a reference solution and a starter."""
    from quizzer.judge.starter import has_starter

    return (TASKS_DIR / f"{task_id}.py").is_file() and solution_path(task_id).is_file() and has_starter(task_id)


def gradable(task_id: str) -> catalog.TaskInfo:
    """The task's metadata, if it exists and has hidden tests."""
    info = catalog.tasks().get(task_id)
    if info is None:
        raise QuizzerError(f"unknown task {task_id!r} (see 'quizzer tasks')")
    if not ready(task_id):
        raise QuizzerError(f"task {task_id!r} has no hidden tests yet")
    return info


def solution_path(task_id: str) -> Path:
    """The reference solution of a task."""
    return solutions_dir() / f"{task_id}.py"


def read_source(path: Path) -> str:
    """The text of a candidate file, or a one-line error."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuizzerError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise QuizzerError(f"{path}: is a folder, not a Python file") from None
    except UnicodeDecodeError:
        raise QuizzerError(f"{path}: not a UTF-8 text file") from None
    except OSError as exc:
        raise QuizzerError(f"{path}: {exc.strerror or exc}") from None


def resolve_task(path: Path, source: str, task: str | None) -> catalog.TaskInfo:
    """`--task`, else the file's `# quizzer: task=ID` header."""
    task_id = task or header_task(source)
    if task_id is None:
        raise QuizzerError(f"{path}: no '# quizzer: task=ID' line; add one or pass --task ID")
    return gradable(task_id)


def grade(path: Path, task: str | None = None, device: str = "cpu", timeout: float = DEFAULT_TIMEOUT) -> Verdict:
    """Grade one file in its own child process."""
    source = read_source(path)
    info = resolve_task(path, source, task)
    return grade_sources(info.id, [Source(str(path), str(path.resolve()), source)], device, timeout)[0]


def grade_sources(task_id: str, sources: list[Source], device: str = "cpu",
                  timeout: float = DEFAULT_TIMEOUT) -> list[Verdict]:
    """Grade several files against one task with a single torch import (the test suite's mutation runs)."""
    info = gradable(task_id)
    began = time.perf_counter()
    verdicts: dict[int, Verdict] = {}
    pending: list[tuple[int, Source]] = []
    for i, source in enumerate(sources):
        early = _static_verdict(info, source, device)
        if early is None:
            pending.append((i, source))
        else:
            verdicts[i] = early
    if pending:
        run = run_child(info.id, solution_path(info.id), info.forbidden, info.functions, [s for _, s in pending],
                        device, timeout)
        if run.no_device:
            raise QuizzerError(f"--device {device}: {run.no_device}; grade on the CPU with --device cpu")
        if run.fatal is not None:
            last = run.fatal.strip().splitlines()[-1] if run.fatal.strip() else "no message"
            raise QuizzerError(f"the judge could not prepare task {info.id!r}: {last}")
        seconds = time.perf_counter() - began
        output = run.output.decode("utf-8", "replace")
        for (i, source), file_run in zip(pending, run.files):
            cases, forbidden = _cases(run, file_run)
            verdicts[i] = Verdict(info.id, source.display, device, tuple(cases), tuple(forbidden), seconds, output,
                                  run.output_total, dict(run.timings, user_s=file_run.user_s))
    return [verdicts[i] for i in range(len(sources))]


def _static_verdict(info: catalog.TaskInfo, source: Source, device: str) -> Verdict | None:
    """A verdict without running anything, for a file that does not parse or names a forbidden API."""
    try:
        tree = ast.parse(source.text, filename=source.display)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        text = (getattr(exc, "text", None) or "").strip()
        message = f"SyntaxError: {getattr(exc, 'msg', exc)}" + (f" (line {line})" if line else "")
        trace = (f"line {line}: {text}",) if line and text else ()
        return Verdict(info.id, source.display, device, (CaseResult("import", False, message, trace=trace),))
    uses = forbidden_uses(tree, info.forbidden)
    if not uses:
        return None
    message = "uses what this task forbids: " + "; ".join(u.describe() for u in uses)
    return Verdict(info.id, source.display, device, (CaseResult("forbidden", False, message),),
                   tuple(dict.fromkeys(u.name for u in uses)))


def _cases(run: ChildRun, fr: FileRun) -> tuple[list[CaseResult], list[str]]:
    """The per-case results of one file, and the forbidden names it used at run time."""
    if not fr.started:
        return [CaseResult("run", False, "not run: the judge stopped before reaching this file")], []
    if fr.import_error is not None:
        err = fr.import_error
        return [CaseResult("import", False, _error_text(err), trace=tuple(err.get("trace", [])))], \
            list(err.get("forbidden", []))
    if fr.problem and fr.running is None and not fr.results:
        return [CaseResult("import", False, fr.problem)], []
    results, forbidden = [], []
    for exp in run.cases:
        name, label, hidden = exp["name"], exp["label"], exp["hidden"]
        res = fr.results.get(name)
        if res is None:
            if name == fr.running and fr.problem:
                message = fr.problem
            else:
                message = f"not run: {fr.problem}" if fr.problem else "not run"
            results.append(CaseResult(name, False, message, label=label, hidden=hidden))
            continue
        forbidden += [n for n in res.get("forbidden", []) if n not in forbidden]
        results.append(_judge_case(exp, res, run.hints))
    if fr.problem and fr.running is None and len(fr.results) == len(run.cases):
        results.append(CaseResult("run", False, fr.problem))
    return results, forbidden


def _judge_case(exp: dict[str, Any], res: dict[str, Any], hints: dict[str, str]) -> CaseResult:
    name, label, hidden = exp["name"], exp["label"], exp["hidden"]

    def fail(message: str, hint: str | None = None, trace: tuple[str, ...] = ()) -> CaseResult:
        return CaseResult(name, False, message, hint, label, trace, hidden)

    if "error" in res:
        return fail(_error_text(res["error"]), exp.get("hint"), tuple(res["error"].get("trace", [])))
    if res.get("forbidden"):
        return fail(f"uses {', '.join(res['forbidden'])}, which this task forbids")
    if res.get("mutated"):
        names = ", ".join(res["mutated"])
        return fail(f"modified its input {names} in place; work on new tensors (x = x * w, not x *= w)")
    if res.get("scores"):
        L, S = exp["scores"]
        shape = ", ".join(str(n) for n in res["scores"]["shape"])
        return fail(f"allocated a tensor of shape ({shape}) in aten.{res['scores']['op']}: as many elements as the "
                    f"full L x S = {L} x {S} score matrix, which this task must never build", exp.get("hint"))
    problem = mismatch(exp["expected"], res["output"], exp["rtol"], exp["atol"], show_values=not hidden)
    if problem is None:
        return CaseResult(name, True, "ok", None, label, (), hidden)
    for bug_id, output in exp["bugs"].items():
        if bug_id in hints and matches(output, res["output"], exp["rtol"], exp["atol"]):
            return fail(problem, hints[bug_id])
    return fail(problem, exp.get("hint"))


def _error_text(err: dict[str, Any]) -> str:
    if err.get("type") == "NotImplementedError":
        return "not implemented yet (raises NotImplementedError)"
    return str(err.get("message", "failed"))
