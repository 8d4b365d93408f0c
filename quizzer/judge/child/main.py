"""The judge's child process: reference and bug outputs first, then the candidate's code, over a private pipe.

Started by quizzer/judge/runner.py as `python -I -c BOOT <package root> <fd>` with the run's spec on stdin.
Everything the verdict depends on (expected values, known-bug outputs) is sent to the parent and dropped
from this process before the candidate's module is imported.
"""

from __future__ import annotations

import contextlib
import gc
import json
import linecache
import os
import sys
import time
import traceback
import types
from typing import Any

from quizzer.judge.messages import (
    CaseInfo,
    CaseStarted,
    Done,
    Fatal,
    FileDone,
    FileSpec,
    FileStarted,
    Hello,
    HintText,
    ImportFailed,
    Message,
    NoDevice,
    OutputName,
    Ready,
    Result,
    RunSpec,
    UserError,
)
from quizzer.judge.protocol import decode_spec, pack

_write, _exit, _now = os.write, os._exit, time.perf_counter
# The process's own streams and their flush, taken before any candidate code could replace them.
_STREAMS = [(s, type(s).flush) for s in (sys.stdout, sys.stderr) if s is not None]
# Our own handle on exec: a task may forbid the builtin, and the guard swaps it before the candidate's import.
_exec = exec


class Channel:
    """The write end of the result pipe, with its own copies of os.write and a JSON encoder."""

    def __init__(self, fd: int, nonce: str) -> None:
        self.fd, self.nonce = fd, nonce
        self.dumps = json.JSONEncoder(separators=(",", ":")).encode

    def send(self, message: Message) -> None:
        """Write one frame in full."""
        data = memoryview(pack(message, self.nonce, self.dumps))
        while data:
            data = data[_write(self.fd, data):]


def main() -> None:
    """Entry point: import torch, read the spec, limit resources, judge, exit without running user atexit hooks."""
    began = _now()
    # torch first: a child started ahead of its spec (quizzer/judge/prestart.py) spends the wait importing it.
    preload()
    imported_s = _now() - began
    spec = decode_spec(sys.stdin.buffer.read())
    sys.stdin.close()
    run(spec, int(sys.argv[2]), imported_s)


def preload() -> None:
    """Import torch and the child's own modules (no torch operation runs: the warm host forks after this)."""
    import warnings

    # The CPU wheel warns on import when numpy is missing; candidates should not see it.
    warnings.filterwarnings("ignore", message=".*NumPy.*")
    import torch  # noqa: F401

    import quizzer.judge.child.guard
    import quizzer.judge.child.values
    import quizzer.judge.spec  # noqa: F401  (what every task module imports)


def run(spec: RunSpec, fd: int, imported_s: float = 0.0) -> None:
    """Judge `spec`, reporting on descriptor `fd`, and exit (also the entry of a child forked by the warm host)."""
    _limit(spec)
    for stream in (sys.stdout, sys.stderr):
        # Line by line, so what the candidate prints to stdout and stderr keeps its order in the verdict.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    chan = Channel(fd, spec.nonce)
    try:
        _judge(spec, chan, imported_s)
    except BaseException:  # the harness itself failed (a task bug, a broken torch): say so, never hang
        chan.send(Fatal(traceback.format_exc(limit=-6)))
    sys.stdout.flush()
    sys.stderr.flush()
    _exit(0)


def _limit(spec: RunSpec) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: no limits
        return
    # CUDA reserves terabytes of address space, so on a GPU only data (heap and anonymous maps) is capped.
    kind = resource.RLIMIT_DATA if spec.device == "cuda" else resource.RLIMIT_AS
    for which, value in ((kind, spec.memory), (resource.RLIMIT_CORE, 0)):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (value, value))


def _judge(spec: RunSpec, chan: Channel, imported_s: float) -> None:
    import importlib
    import warnings

    start = _now()
    # The CPU wheel warns on import when numpy is missing; candidates should not see it.
    warnings.filterwarnings("ignore", message=".*NumPy.*")
    task = importlib.import_module(f"quizzer.judge.tasks.{spec.task}.cases")
    import torch

    from quizzer.judge.child import values as V
    from quizzer.judge.child.guard import Forbidden, Guard

    chan.send(Hello(torch.__version__, imported_s + _now() - start))
    device = spec.device
    if device == "cuda" and not torch.cuda.is_available():
        build = "a CPU-only build" if torch.version.cuda is None else "no CUDA device is visible"
        chan.send(NoDevice(f"CUDA is not available (torch {torch.__version__}: {build})"))
        return
    from quizzer.judge.spec import bug_hint

    prepared, setup_s = _prepare(spec, task, chan, V)
    hints = {b.id: _hint_text(bug_hint(b.hint)) for b in task.BUGS if b.hint is not None}
    chan.send(Ready(setup_s, {k: v for k, v in hints.items() if v is not None}))

    record: list[str] = []
    guard = Guard(spec.forbidden, record)
    guard.install()
    for index, user in enumerate(spec.files):
        chan.send(FileStarted(index))
        _mark(spec.marker, index, "import")
        module = _import_user(user, guard, Forbidden)
        _mark(spec.marker, index, "")
        if isinstance(module, UserError):
            chan.send(ImportFailed(index, module, list(record)))
            record.clear()
            continue
        missing = [name for name in spec.functions if name not in vars(module)]
        if missing:
            chan.send(ImportFailed(index, UserError(f"your file does not define {', '.join(missing)}", []), []))
            continue
        user_s = 0.0
        for number, (case, call, native, max_numel) in enumerate(prepared):
            chan.send(CaseStarted(index, case.name))
            _mark(spec.marker, index, str(number))
            args = V.clone(native, device=None if device == "cpu" else device)
            V.reseed(V.seed_for(spec.task, case.name))
            began = _now()
            output: Any = None
            error: UserError | None = None
            with guard.armed(case.scores[0] * case.scores[1] if case.scores else None):
                try:
                    output = call(module, args)
                    if device == "cuda":
                        torch.cuda.synchronize()
                except Forbidden as exc:
                    error = UserError(f"uses {exc.name}, which this task forbids", [])
                except BaseException as exc:  # SystemExit and KeyboardInterrupt from user code too
                    error = _user_error(exc, user.path)
            user_s += _now() - began
            _mark(spec.marker, index, "")
            forbidden, mutated, violation = list(record), _mutated(V, case, native, args), guard.violation
            record.clear()
            encoded = None
            if error is None:
                try:
                    encoded = V.encode(output, max_numel=max_numel)
                except Exception as exc:  # an object that fights being read
                    error = UserError(f"the returned value could not be read ({type(exc).__name__}: {exc})", [])
            output = args = None
            chan.send(Result(index, case.name, forbidden, mutated, violation, encoded, error))
        chan.send(FileDone(index, user_s))
    chan.send(Done())


def _mark(token: str, file: int, segment: str) -> None:
    """Tell the parent, in the stdout stream itself, that what follows was printed by `segment` of `file`."""
    for stream, flush in _STREAMS:
        with contextlib.suppress(BaseException):  # closed by the candidate's code, or a full pipe
            flush(stream)
    with contextlib.suppress(OSError):
        _write(1, f"\x1e{token}:{file}:{segment}\x1e".encode())


def _hint_text(hint: Any) -> HintText | None:
    return None if hint is None else HintText(hint.name, hint.why, hint.fix)


def _output_name(name: Any) -> OutputName | None:
    """A case's (or the task's) output names as the message carries them."""
    if name is None:
        return None
    if isinstance(name, str):
        return OutputName(name, "values", ["False", "True"], [])
    items = [_output_name(i) for i in name.items]
    return OutputName(name.name, name.kind, list(name.labels), [i for i in items if i is not None])


def _mutated(V: Any, case: Any, native: dict[str, Any], args: Any) -> list[str]:
    """Inputs the candidate's code changed in place (the copy it got differs from the pristine one)."""
    names = []
    for key, value in native.items():
        if key in case.mutable:
            continue
        try:
            names += V.changed(value, args.get(key), key)
        except Exception:  # replaced by something that cannot even be compared
            names.append(key)
    return names


def _prepare(spec: RunSpec, task: Any, chan: Channel, V: Any) -> tuple[list[Any], float]:
    """Send every case's expected and known-bug outputs; keep only the inputs for the candidate's run."""
    from quizzer.judge.spec import case_hint

    began = _now()
    with open(spec.solution, encoding="utf-8") as f:
        source = f.read()
    reference = _load("reference", source, spec.solution)
    bugs = [(bug.id, _load(f"bug_{bug.id}", bug.apply(source), spec.solution))
            for bug in task.BUGS if bug.hint is not None]
    device = spec.device
    names = {case.name for case in task.CASES}
    for case in task.CASES:
        unknown = sorted(set(case.hint_after or ()) - names)
        if unknown:  # a task author's slip: the hint would silently never show
            raise ValueError(f"case {case.name}: hint_after names no case of this task: {', '.join(unknown)}")
    prepared = []
    for case in task.CASES:
        run = case.run or task.RUN
        native = case.make_inputs(spec.task)
        # Inputs without a tensor (sinusoidal's n, d) give the candidate no device to follow: CPU is right.
        seed = V.seed_for(spec.task, case.name)
        # Every run of a case starts from the same global RNG state: a module's random initialisation (LoRA's A,
        # an nn.Linear's bias) is then the same for the reference, each known bug and the candidate.
        V.reseed(seed)
        expected = V.encode(run(reference, V.clone(native)), device=device if V.carries_device(native) else "cpu")
        if case.upcast:
            V.reseed(seed)
            expected = V.merge(expected, V.encode(run(reference, V.clone(native, upcast=True))))
        explained = {}
        for bug_id, module in bugs if case.explain else ():
            # A bug variant that crashes on this case explains nothing here.
            with contextlib.suppress(Exception):
                V.reseed(seed)
                explained[bug_id] = V.encode(run(module, V.clone(native)))
        scores = list(case.scores) if case.scores else None
        hint_after = list(case.hint_after) if case.hint_after is not None else None
        chan.send(CaseInfo(case.name, V.describe(native), case.hidden, case.rtol, case.atol,
                           _hint_text(case_hint(case.hint)), scores, expected, explained, case.float64, case.note,
                           hint_after, case.hint_on, case.extra,
                           _output_name(case.outputs or getattr(task, "OUTPUTS", None)), V.float_dtypes(native)))
        # A returned tensor far larger than expected is described, not shipped.
        prepared.append((case, run, native, 4 * _numel(expected) + 1024))
    del reference, bugs, expected, explained
    gc.collect()
    return prepared, _now() - began


def _numel(enc: dict[str, Any]) -> int:
    if enc["k"] == "tensor":
        n = 1
        for d in enc.get("shape", []):
            n *= d
        return n
    if enc["k"] == "seq":
        return sum(_numel(e) for e in enc["items"])
    return 1


def _load(name: str, source: str, path: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module  # dataclasses and typing look their module up here
    exec(compile(source, path, "exec", dont_inherit=True), module.__dict__)  # the project's own solution
    del sys.modules[name]
    return module


def _import_user(user: FileSpec, guard: Any, forbidden: type[BaseException]) -> types.ModuleType | UserError:
    """The candidate's module, or what went wrong importing it."""
    module = types.ModuleType("solution")
    module.__file__ = user.path
    sys.modules["solution"] = module
    # Traceback lines come from the text that was scanned, even if the file has changed since.
    linecache.cache[user.path] = (len(user.source), None, user.source.splitlines(True), user.path)
    try:
        code = compile(user.source, user.path, "exec", dont_inherit=True)
        with guard.armed():
            _exec(code, module.__dict__)  # this is what the judge is for, in its own process
    except forbidden as exc:
        return UserError(f"uses {getattr(exc, 'name', exc)}, which this task forbids", [])
    except BaseException as exc:
        return _user_error(exc, user.path)
    return module


def _user_error(exc: BaseException, path: str) -> UserError:
    """The exception with the traceback trimmed to the candidate's own file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    trace = [f"line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames[-6:]]
    final = traceback.format_exception_only(type(exc), exc)[-1].strip()
    if isinstance(exc, MemoryError) or "can't allocate memory" in final:
        final = f"ran out of memory (the judge allows {_memory_text()}): {final[:200]}"
    return UserError(final[:2000], trace, type(exc).__name__)


def _memory_text() -> str:
    try:
        import resource

        soft = max(resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_DATA)[0])
        return f"{soft / 2**30:.0f} GiB" if soft > 0 else "no limit"
    except (ImportError, ValueError, OSError):
        return "a limited amount"
