"""Grade candidate files: resolve the task, scan the source, run the child, and judge its reports here."""

from __future__ import annotations

import ast
import difflib
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizzer.errors import QuizzerError
from quizzer.judge import catalog
from quizzer.judge.compare import find_mismatch, float32_grade_only
from quizzer.judge.diagnose import diagnose, with_hints
from quizzer.judge.messages import CaseInfo, Encoded, Result, UserError
from quizzer.judge.runner import ChildRun, FileRun, Source, run_child
from quizzer.judge.static import forbidden_uses, header_task
from quizzer.judge.verdict import CaseResult, Verdict
from quizzer.messages import Said
from quizzer.resources import solutions_dir

if TYPE_CHECKING:
    from quizzer.judge.host import WarmHost

DEFAULT_TIMEOUT = 20.0


def ready(task_id: str) -> bool:
    """The task has hidden tests, a reference solution and a starter."""
    from quizzer.judge.starter import has_starter

    cases = catalog.task_folder(task_id) / "cases.py"
    return cases.is_file() and solution_path(task_id).is_file() and has_starter(task_id)


def gradable(task_id: str) -> catalog.TaskInfo:
    """The task's metadata, if it exists and has hidden tests."""
    info = catalog.tasks().get(task_id)
    if info is None:
        close = _suggest(task_id)
        raise QuizzerError(Said("task.unknown_near", {"task": task_id, "near": close}) if close
                           else Said("task.unknown", {"task": task_id}))
    if not ready(task_id):
        raise QuizzerError(Said("task.no_tests", {"task": task_id}))
    return info


def _suggest(task_id: str) -> str | None:
    """A task id close to `task_id` (a typo), else None."""
    close = difflib.get_close_matches(task_id.lower(), list(catalog.tasks()), n=1, cutoff=0.6)
    return close[0] if close else None


def task_conflict(path: Path, task: str | None) -> Said | None:
    """A warning when `--task` names another task than the file's own header (the file is graded as --task)."""
    if task is None:
        return None
    try:
        header = header_task(read_source(path))
    except QuizzerError:
        return None  # an unreadable file is reported by grade itself
    if header is None or header == task:
        return None
    return Said("grade.task_override", {"task": task, "header": header})


def solution_path(task_id: str) -> Path:
    """The reference solution of a task."""
    return solutions_dir() / f"{task_id}.py"


def read_source(path: Path) -> str:
    """The text of a candidate file, or a one-line error."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuizzerError(Said("file.missing", {"path": path})) from None
    except IsADirectoryError:
        raise QuizzerError(Said("file.folder", {"path": path})) from None
    except UnicodeDecodeError:
        raise QuizzerError(Said("file.not_utf8", {"path": path})) from None
    except OSError as exc:
        raise QuizzerError(f"{path}: {exc.strerror or exc}") from None


def resolve_task(path: Path, source: str, task: str | None) -> catalog.TaskInfo:
    """`--task`, else the file's `# quizzer: task=ID` header."""
    task_id = task or header_task(source)
    if task_id is None:
        raise QuizzerError(Said("grade.no_header", {"path": path}))
    return gradable(task_id)


def grade(path: Path, task: str | None = None, device: str = "cpu", timeout: float = DEFAULT_TIMEOUT,
          host: WarmHost | None = None) -> Verdict:
    """Grade one file in its own child process (forked from the warm `host`, when one is given)."""
    source = read_source(path)
    info = resolve_task(path, source, task)
    return grade_sources(info.id, [Source(str(path), str(path.resolve()), source)], device, timeout, host)[0]


def grade_sources(task_id: str, sources: list[Source], device: str = "cpu",
                  timeout: float = DEFAULT_TIMEOUT, host: WarmHost | None = None) -> list[Verdict]:
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
                        device, timeout, host)
        if run.no_device:
            raise QuizzerError(f"--device {device}: {run.no_device}; grade on the CPU with --device cpu")
        if run.fatal is not None:
            last = run.fatal.strip().splitlines()[-1] if run.fatal.strip() else "no message"
            raise QuizzerError(f"the judge could not prepare task {info.id!r}: {last}")
        seconds = time.perf_counter() - began
        for child_i, ((i, source), file_run) in enumerate(zip(pending, run.files, strict=True)):
            cases, forbidden = _cases(run, file_run, child_i)
            diagnosis = diagnose(run.cases, file_run.results, cases, run.hints)
            cases = with_hints(run.cases, cases, diagnosis)
            imported = run.printed.segments.get((child_i, "import"))
            output = (imported.data if imported else b"") + (bytes(run.printed.general.data) if child_i == 0 else b"")
            total = (imported.total if imported else 0) + (run.printed.general.total if child_i == 0 else 0)
            verdicts[i] = Verdict(info.id, source.display, device, tuple(cases), tuple(forbidden), seconds,
                                  output.decode("utf-8", "replace"), total, dict(run.timings, user_s=file_run.user_s),
                                  diagnosis)
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


def _cases(run: ChildRun, fr: FileRun, child_i: int) -> tuple[list[CaseResult], list[str]]:
    """The per-case results of one file (without hints yet), and the forbidden names it used at run time."""
    if not fr.started:
        return [CaseResult("run", False, "not run: the judge stopped before reaching this file")], []
    if fr.import_error is not None:
        err = fr.import_error.error
        return [CaseResult("import", False, _error_text(err), trace=tuple(err.trace), failure="error")], list(
            fr.import_error.forbidden)
    if fr.problem and fr.running is None and not fr.results:
        return [CaseResult("import", False, fr.problem, failure="crash")], []
    results: list[CaseResult] = []
    forbidden: list[str] = []
    for number, exp in enumerate(run.cases):
        printed = run.printed.segments.get((child_i, str(number)))
        lines, more = printed.lines() if printed else ((), 0)
        res = fr.results.get(exp.name)
        if res is None:
            if exp.name == fr.running and fr.problem:
                message = fr.problem
            else:
                message = f"not run: {fr.problem}" if fr.problem else "not run"
            results.append(CaseResult(exp.name, False, message, label=exp.label, hidden=exp.hidden, extra=exp.extra,
                                      printed=lines, printed_more=more, failure="crash"))
            continue
        forbidden += [n for n in res.forbidden if n not in forbidden]
        results.append(replace(_judge_case(exp, res), printed=lines, printed_more=more))
    if fr.problem and fr.running is None and len(fr.results) == len(run.cases):
        results.append(CaseResult("run", False, fr.problem, failure="crash"))
    return results, forbidden


def _judge_case(exp: CaseInfo, res: Result) -> CaseResult:
    def fail(message: str, failure: str, trace: tuple[str, ...] = ()) -> CaseResult:
        return CaseResult(exp.name, False, message, None, exp.label, trace, exp.hidden, extra=exp.extra,
                          failure=failure)

    if res.error is not None:
        return fail(_error_text(res.error), "error", tuple(res.error.trace))
    if res.forbidden:
        return fail(f"uses {', '.join(res.forbidden)}, which this task forbids", "forbidden")
    if res.mutated:
        names = ", ".join(res.mutated)
        return fail(f"modified its input {names} in place; work on new tensors (x = x * w, not x *= w)", "mutated")
    if res.scores is not None:
        L, S = exp.scores or (0, 0)
        shape = ", ".join(str(n) for n in res.scores.shape)
        return fail(f"allocated a tensor of shape ({shape}) in aten.{res.scores.op}: as many elements as the "
                    f"full L x S = {L} x {S} score matrix, which this task must never build", "scores")
    if res.output is None:
        return fail("returned nothing the judge could read", "unreadable")
    problem = find_mismatch(exp.expected, res.output, exp.rtol, exp.atol, show_values=not exp.hidden,
                            strict=exp.strict, names=exp.outputs, dtypes=exp.dtypes)
    if problem is None:
        return CaseResult(exp.name, True, "ok", None, exp.label, (), exp.hidden, note=_precision_note(exp, res.output),
                          extra=exp.extra)
    return fail(problem.text, problem.kind)


def _precision_note(exp: CaseInfo, output: Encoded) -> str | None:
    """For float64 outputs accepted at float32 precision: say so, and what usually causes it."""
    if exp.strict or not float32_grade_only(exp.expected, output):
        return None
    cause = f" ({exp.note})" if exp.note else ""
    return ("float64 values agree only to float32 precision: accepted, this task does not require float64 "
            f"arithmetic{cause}")


def _error_text(err: UserError) -> str:
    if err.type == "NotImplementedError":
        return "not implemented yet (raises NotImplementedError)"
    return err.message
