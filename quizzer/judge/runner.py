"""The parent side of a judge run: start the child, read its private channel and output, enforce the limits.

The child is `python -I` in a fresh session (so one kill reaches everything it started), with a scrubbed
environment, its own temporary working folder, and the result pipe as an inherited file descriptor.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizzer.errors import QuizzerError
from quizzer.judge.protocol import FrameReader, ProtocolError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent
BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from quizzer.judge.child.main import main; main()"
SETUP_TIMEOUT = 180.0  # importing torch from a cold disk can take a while
OUTPUT_KEEP = 16 * 1024
OUTPUT_LIMIT = 1024 * 1024
MEMORY = {"cpu": 4 * 2**30, "cuda": 16 * 2**30}
_PASS_ENV = ("PATH", "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "CUDA_HOME", "SYSTEMROOT")


@dataclass(frozen=True)
class Source:
    """One candidate file: how to name it to the candidate, its absolute path, and the text that was scanned."""

    display: str
    path: str
    text: str


@dataclass
class FileRun:
    """What the child reported about one candidate file (filled in as frames arrive)."""

    import_error: dict[str, Any] | None = None
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    running: str | None = None  # the case started and not yet reported
    started: bool = False
    done: bool = False
    problem: str | None = None  # a timeout, crash or flood, which happened during `running`
    user_s: float = 0.0


@dataclass
class ChildRun:
    """Everything one child process reported."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    files: list[FileRun] = field(default_factory=list)
    output: bytearray = field(default_factory=bytearray)
    output_total: int = 0
    fatal: str | None = None
    no_device: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)


def run_child(task: str, solution: Path, forbidden: tuple[str, ...], functions: tuple[str, ...],
              sources: list[Source], device: str, timeout: float) -> ChildRun:
    """Judge `sources` in one child; `timeout` is the wall-clock budget of each file's import and cases."""
    if os.name != "posix":
        # Process groups, inherited pipe descriptors and rlimits are what keep the candidate's code contained.
        raise QuizzerError("grading needs Linux or macOS (the judge isolates your code with POSIX processes)")
    nonce = secrets.token_hex(16)
    spec = {"nonce": nonce, "task": task, "solution": str(solution), "forbidden": list(forbidden),
            "functions": list(functions), "device": device, "memory": MEMORY[device],
            "files": [{"path": s.path, "source": s.text} for s in sources]}
    report = ChildRun(files=[FileRun() for _ in sources])
    workdir = tempfile.mkdtemp(prefix="quizzer-judge-")
    read_fd, write_fd = os.pipe()
    began = time.perf_counter()
    try:
        proc = subprocess.Popen([sys.executable, "-I", "-c", BOOT, str(PACKAGE_ROOT), str(write_fd)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                pass_fds=(write_fd,), env=_environment(workdir), cwd=workdir,
                                start_new_session=True)
    except BaseException:
        os.close(read_fd)
        raise
    finally:
        os.close(write_fd)
    try:
        try:
            assert proc.stdin is not None
            proc.stdin.write(json.dumps(spec).encode("utf-8"))
            proc.stdin.close()
        except BrokenPipeError:
            pass
        _Loop(proc, read_fd, FrameReader(nonce), report, timeout).run()
    finally:
        _kill_group(proc)
        os.close(read_fd)
        shutil.rmtree(workdir, ignore_errors=True)
    report.timings["wall_s"] = time.perf_counter() - began
    return report


def _environment(workdir: str) -> dict[str, str]:
    env = {k: os.environ[k] for k in _PASS_ENV if k in os.environ}
    # One thread: deterministic sums, and no fight over the cores with other grades.
    env.update(HOME=workdir, TMPDIR=workdir, LANG="C.UTF-8", PYTHONIOENCODING="utf-8", NO_COLOR="1",
               OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONHASHSEED="0")
    return env


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    if proc.stdout is not None:
        proc.stdout.close()


class _Loop:
    """Reads both pipes until the child is done, a limit is hit, or the channel is tampered with."""

    def __init__(self, proc: subprocess.Popen[bytes], read_fd: int, reader: FrameReader, report: ChildRun,
                 timeout: float) -> None:
        self.proc, self.read_fd, self.reader, self.report, self.timeout = proc, read_fd, reader, report, timeout
        self.deadline = time.monotonic() + SETUP_TIMEOUT
        self.ready = False
        self.current: FileRun | None = None
        self.finished = False

    def run(self) -> None:
        assert self.proc.stdout is not None
        out_fd = self.proc.stdout.fileno()
        sel = selectors.DefaultSelector()
        sel.register(self.read_fd, selectors.EVENT_READ)
        sel.register(out_fd, selectors.EVENT_READ)
        exited_at: float | None = None
        while sel.get_map():
            now = time.monotonic()
            if now >= self.deadline:
                self._stop(self._timeout_message())
                return
            if exited_at is None and self.proc.poll() is not None:
                exited_at = now
            if exited_at is not None and now - exited_at > 1.0:
                break  # something the child started still holds a pipe open
            for key, _ in sel.select(min(self.deadline - now, 0.25)):
                data = os.read(key.fd, 1 << 16)
                if not data:
                    sel.unregister(key.fd)
                elif key.fd == out_fd:
                    if not self._output(data):
                        return
                elif not self._frames(data):
                    return
        sel.close()
        self.proc.wait()
        if not self.finished and self.report.fatal is None and self.report.no_device is None:
            self._blame(self._exit_message())

    def _output(self, data: bytes) -> bool:
        r = self.report
        r.output_total += len(data)
        r.output += data[:max(0, OUTPUT_KEEP - len(r.output))]
        if r.output_total > OUTPUT_LIMIT:
            self._stop(f"printed more than {OUTPUT_LIMIT // 1024} KiB, so the run was stopped (a print in a loop?)")
            return False
        return True

    def _frames(self, data: bytes) -> bool:
        try:
            for frame in self.reader.feed(data):
                self._handle(frame)
        except (ProtocolError, KeyError, IndexError, TypeError, ValueError):
            self._stop("the judge's private result channel received data the judge did not send")
            return False
        return True

    def _handle(self, f: dict[str, Any]) -> None:
        r, t = self.report, f["t"]
        if t == "hello":
            r.timings["import_s"] = float(f["import_s"])
        elif t == "case" and not self.ready:
            r.cases.append(f)
        elif t == "ready" and not self.ready:
            self.ready = True
            r.timings["setup_s"] = float(f["setup_s"])
            r.hints = {str(k): str(v) for k, v in f["hints"].items()}
        elif t == "no_device" and not self.ready:
            r.no_device = str(f["why"])
        elif t == "fatal" and not self.ready:
            r.fatal = str(f["message"])
        elif t == "fatal" and self.current is not None:
            # The harness failed on something the candidate's code left behind; blame the run, not the channel.
            last = str(f["message"]).strip().splitlines()[-1:] or ["no message"]
            self.current.problem = f"the judge failed{self._during()}: {last[0]}"
        elif t == "file" and self.ready:
            self.current = r.files[f["i"]]
            self.current.started = True
            self.deadline = time.monotonic() + self.timeout
        elif t == "start" and self.current is r.files[f["i"]]:
            self.current.running = str(f["case"])
        elif t == "result" and self.current is r.files[f["i"]] and self.current.running == f["case"]:
            self.current.results[f["case"]] = f
            self.current.running = None
        elif t == "import_error" and self.current is r.files[f["i"]]:
            self.current.import_error = f
        elif t == "file_done" and self.current is r.files[f["i"]]:
            self.current.done = True
            self.current.user_s = float(f["user_s"])
        elif t == "done" and self.ready:
            self.finished = True
        else:
            raise ValueError(f"unexpected frame {t!r}")

    def _timeout_message(self) -> str:
        if not self.ready:
            return f"the judge did not finish preparing the cases within {SETUP_TIMEOUT:g} s"
        return f"timed out after {self.timeout:g} s{self._during()} (an endless loop?)"

    def _during(self) -> str:
        cur = self.current
        if cur is None or (cur.running is None and not cur.results and cur.import_error is None):
            return " while importing your file"
        return f" while running case '{cur.running}'" if cur.running else ""

    def _exit_message(self) -> str:
        code = self.proc.returncode
        if code is not None and code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited with code {code}"
        return f"the process {how}{self._during()} before reporting a result"

    def _stop(self, message: str) -> None:
        _kill_group(self.proc)
        self._blame(message)

    def _blame(self, message: str) -> None:
        if self.current is None:
            self.report.fatal = self.report.fatal or message
        else:
            self.current.problem = self.current.problem or message
