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

from quizzer.judge.protocol import pack

_write, _exit, _now = os.write, os._exit, time.perf_counter
# Our own handle on exec: a task may forbid the builtin, and the guard swaps it before the candidate's import.
_exec = exec


class Channel:
    """The write end of the result pipe, with its own copies of os.write and a JSON encoder."""

    def __init__(self, fd: int, nonce: str) -> None:
        self.fd, self.nonce = fd, nonce
        self.dumps = json.JSONEncoder(separators=(",", ":")).encode

    def send(self, frame: dict[str, Any]) -> None:
        """Write one frame in full."""
        data = memoryview(pack(frame, self.nonce, self.dumps))
        while data:
            data = data[_write(self.fd, data):]


def main() -> None:
    """Entry point: read the spec, limit resources, judge, exit without running user atexit hooks."""
    spec = json.loads(sys.stdin.buffer.read())
    sys.stdin.close()
    _limit(spec)
    chan = Channel(int(sys.argv[2]), spec["nonce"])
    try:
        _judge(spec, chan)
    except BaseException:  # the harness itself failed (a task bug, a broken torch): say so, never hang
        chan.send({"t": "fatal", "message": traceback.format_exc(limit=-6)})
    sys.stdout.flush()
    sys.stderr.flush()
    _exit(0)


def _limit(spec: dict[str, Any]) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: no limits
        return
    # CUDA reserves terabytes of address space, so on a GPU only data (heap and anonymous maps) is capped.
    kind = resource.RLIMIT_DATA if spec["device"] == "cuda" else resource.RLIMIT_AS
    for which, value in ((kind, spec["memory"]), (resource.RLIMIT_CORE, 0)):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (value, value))


def _judge(spec: dict[str, Any], chan: Channel) -> None:
    import importlib
    import warnings

    start = _now()
    # The CPU wheel warns on import when numpy is missing; candidates should not see it.
    warnings.filterwarnings("ignore", message=".*NumPy.*")
    task = importlib.import_module(f"quizzer.judge.tasks.{spec['task']}")
    import torch

    from quizzer.judge.child import values as V
    from quizzer.judge.child.guard import Forbidden, Guard

    chan.send({"t": "hello", "torch": torch.__version__, "import_s": _now() - start})
    device = spec["device"]
    if device == "cuda" and not torch.cuda.is_available():
        build = "a CPU-only build" if torch.version.cuda is None else "no CUDA device is visible"
        chan.send({"t": "no_device", "why": f"CUDA is not available (torch {torch.__version__}: {build})"})
        return
    prepared, setup_s = _prepare(spec, task, chan, V)
    chan.send({"t": "ready", "setup_s": setup_s, "hints": {b.id: b.hint for b in task.BUGS if b.hint is not None}})

    record: list[str] = []
    guard = Guard(spec["forbidden"], record)
    guard.install()
    for index, user in enumerate(spec["files"]):
        chan.send({"t": "file", "i": index})
        module = _import_user(user, guard, Forbidden)
        if isinstance(module, dict):
            chan.send({"t": "import_error", "i": index, "forbidden": list(record), **module})
            record.clear()
            continue
        missing = [name for name in spec["functions"] if name not in vars(module)]
        if missing:
            chan.send({"t": "import_error", "i": index, "message": f"your file does not define {', '.join(missing)}",
                       "trace": [], "forbidden": []})
            continue
        user_s = 0.0
        for case, run, native, max_numel in prepared:
            chan.send({"t": "start", "i": index, "case": case.name})
            args = V.clone(native, device=None if device == "cpu" else device)
            began = _now()
            output, error = None, None
            with guard.armed(case.scores[0] * case.scores[1] if case.scores else None):
                try:
                    output = run(module, args)
                    if device == "cuda":
                        torch.cuda.synchronize()
                except Forbidden as exc:
                    error = {"message": f"uses {exc.name}, which this task forbids", "trace": []}
                except BaseException as exc:
                    error = _user_error(exc, user["path"])
            user_s += _now() - began
            frame: dict[str, Any] = {"t": "result", "i": index, "case": case.name, "forbidden": list(record),
                                     "mutated": _mutated(V, case, native, args), "scores": guard.violation}
            record.clear()
            if error is None:
                try:
                    frame["output"] = V.encode(output, max_numel=max_numel)
                except Exception as exc:
                    error = {"message": f"the returned value could not be read ({type(exc).__name__}: {exc})",
                             "trace": []}
            if error is not None:
                frame["error"] = error
            output = args = None
            chan.send(frame)
        chan.send({"t": "file_done", "i": index, "user_s": user_s})
    chan.send({"t": "done"})


def _mutated(V: Any, case: Any, native: dict[str, Any], args: Any) -> list[str]:
    """Inputs the candidate's code changed in place (the copy it got differs from the pristine one)."""
    names = []
    for key, value in native.items():
        if key in case.mutable:
            continue
        try:
            names += V.changed(value, args.get(key), key)
        except Exception:
            names.append(key)
    return names


def _prepare(spec: dict[str, Any], task: Any, chan: Channel, V: Any) -> tuple[list[Any], float]:
    """Send every case's expected and known-bug outputs; keep only the inputs for the candidate's run."""
    began = _now()
    with open(spec["solution"], encoding="utf-8") as f:
        source = f.read()
    reference = _load("reference", source, spec["solution"])
    bugs = [(bug.id, _load(f"bug_{bug.id}", bug.apply(source), spec["solution"]))
            for bug in task.BUGS if bug.hint is not None]
    device = spec["device"]
    prepared = []
    for case in task.CASES:
        run = case.run or task.RUN
        native = case.make_inputs(spec["task"])
        # Inputs without a tensor (sinusoidal's n, d) give the candidate no device to follow: CPU is right.
        expected = V.encode(run(reference, V.clone(native)), device=device if V.carries_device(native) else "cpu")
        if case.upcast:
            expected = V.merge(expected, V.encode(run(reference, V.clone(native, upcast=True))))
        explained = {}
        for bug_id, module in bugs if case.explain else ():
            with contextlib.suppress(Exception):
                explained[bug_id] = V.encode(run(module, V.clone(native)))
        chan.send({"t": "case", "name": case.name, "label": V.describe(native), "hidden": case.hidden,
                   "rtol": case.rtol, "atol": case.atol, "hint": case.hint, "scores": case.scores, "expected": expected,
                   "bugs": explained})
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
    exec(compile(source, path, "exec", dont_inherit=True), module.__dict__)
    del sys.modules[name]
    return module


def _import_user(user: dict[str, Any], guard: Any, forbidden: type[BaseException]) -> Any:
    """The candidate's module, or an error frame body."""
    module = types.ModuleType("solution")
    module.__file__ = user["path"]
    sys.modules["solution"] = module
    # Traceback lines come from the text that was scanned, even if the file has changed since.
    linecache.cache[user["path"]] = (len(user["source"]), None, user["source"].splitlines(True), user["path"])
    try:
        code = compile(user["source"], user["path"], "exec", dont_inherit=True)
        with guard.armed():
            _exec(code, module.__dict__)
    except forbidden as exc:
        return {"message": f"uses {getattr(exc, 'name', exc)}, which this task forbids", "trace": []}
    except BaseException as exc:
        return _user_error(exc, user["path"])
    return module


def _user_error(exc: BaseException, path: str) -> dict[str, Any]:
    """The exception with the traceback trimmed to the candidate's own file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    trace = [f"line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames[-6:]]
    final = traceback.format_exception_only(type(exc), exc)[-1].strip()
    if isinstance(exc, MemoryError) or "can't allocate memory" in final:
        final = f"ran out of memory (the judge allows {_memory_text()}): {final[:200]}"
    return {"message": final[:2000], "trace": trace, "type": type(exc).__name__}


def _memory_text() -> str:
    try:
        import resource

        soft = max(resource.getrlimit(resource.RLIMIT_AS)[0], resource.getrlimit(resource.RLIMIT_DATA)[0])
        return f"{soft / 2**30:.0f} GiB" if soft > 0 else "no limit"
    except (ImportError, ValueError, OSError):
        return "a limited amount"
