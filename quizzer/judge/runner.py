"""The parent side of a judge run: start the child, read its private channel and output, enforce the limits.

The child is `python -I` in a fresh session (so one kill reaches everything it started), with a scrubbed
environment, its own temporary working folder, and the result pipe as an inherited file descriptor.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import selectors
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizzer.errors import QuizzerError
from quizzer.judge.childenv import SETUP_TIMEOUT
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
    Ready,
    Result,
    RunSpec,
)
from quizzer.judge.prestart import Early, claim
from quizzer.judge.printed import Printed
from quizzer.judge.process import Child, kill_group, send_spec, spawn
from quizzer.judge.protocol import FrameReader, ProtocolError, encode_spec

if TYPE_CHECKING:
    from quizzer.judge.host import WarmHost

OUTPUT_LIMIT = 1024 * 1024
MEMORY = {"cpu": 4 * 2**30, "cuda": 16 * 2**30}


@dataclass(frozen=True)
class Source:
    """One candidate file: how to name it to the candidate, its absolute path, and the text that was scanned."""

    display: str
    path: str
    text: str


@dataclass
class FileRun:
    """What the child reported about one candidate file (filled in as frames arrive)."""

    import_error: ImportFailed | None = None
    results: dict[str, Result] = field(default_factory=dict)
    running: str | None = None  # the case started and not yet reported
    started: bool = False
    done: bool = False
    problem: str | None = None  # a timeout, crash or flood, which happened during `running`
    user_s: float = 0.0


@dataclass
class ChildRun:
    """Everything one child process reported."""

    cases: list[CaseInfo] = field(default_factory=list)
    files: list[FileRun] = field(default_factory=list)
    printed: Printed = field(default_factory=lambda: Printed(""))  # what the candidate's code printed, by case
    output_total: int = 0
    fatal: str | None = None
    no_device: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    hints: dict[str, HintText] = field(default_factory=dict)


def run_child(task: str, solution: Path, forbidden: tuple[str, ...], functions: tuple[str, ...],
              sources: list[Source], device: str, timeout: float, host: WarmHost | None = None) -> ChildRun:
    """Judge `sources` in one child; `timeout` is the wall-clock budget of each file's import and cases.

    With a warm `host` the child is forked from a process that has already imported torch; otherwise it is a
    fresh `python -I`. Either way it gets the same limits, environment and private channel.
    """
    if os.name != "posix":
        # Process groups, inherited pipe descriptors and rlimits are what keep the candidate's code contained.
        raise QuizzerError("grading needs Linux or macOS (the judge isolates your code with POSIX processes)")
    nonce = secrets.token_hex(16)
    marker = secrets.token_hex(8)
    spec = RunSpec(nonce, task, str(solution), list(forbidden), list(functions), device, MEMORY[device],
                   [FileSpec(s.path, s.text) for s in sources], marker)
    report = ChildRun(files=[FileRun() for _ in sources], printed=Printed(marker))
    # A one-shot grade may find its child already importing torch (quizzer/judge/prestart.py).
    early = claim() if host is None else None
    workdir = early.workdir if early is not None else tempfile.mkdtemp(prefix="quizzer-judge-")
    lock = host.lock if host is not None else contextlib.nullcontext()
    with lock:
        return _run(spec, report, workdir, timeout, host, early)


def _run(spec: RunSpec, report: ChildRun, workdir: str, timeout: float, host: WarmHost | None,
         early: Early | None) -> ChildRun:
    from quizzer.judge.host import HostGone

    began = time.perf_counter()
    read_fd, write_fd = (early.read_fd, early.write_fd) if early is not None else os.pipe()
    out_read: int | None = None
    proc: Child | None = None
    try:
        if early is not None:
            send_spec(early.proc, encode_spec(spec))
            proc = early.proc
            assert early.proc.stdout is not None
            out_read = os.dup(early.proc.stdout.fileno())
            early.proc.stdout.close()
        elif host is not None and host.usable():
            out_read, out_write = os.pipe()
            try:
                proc = host.launch(encode_spec(spec), write_fd, out_write, workdir)
            except HostGone:  # it died under us: this grade goes cold, the next one starts a new host
                os.close(out_read)
                out_read = None
            finally:
                os.close(out_write)
        if proc is None:
            proc = spawn(encode_spec(spec), write_fd, workdir)
            assert proc.stdout is not None
            out_read = os.dup(proc.stdout.fileno())
            proc.stdout.close()
    finally:
        os.close(write_fd)
        if proc is None:
            os.close(read_fd)
            if out_read is not None:
                os.close(out_read)
            shutil.rmtree(workdir, ignore_errors=True)
    assert out_read is not None  # both ways of starting a child set it, or raised above
    try:
        os.set_blocking(out_read, False)
        _Loop(proc, read_fd, out_read, FrameReader(spec.nonce), report, timeout).run()
    finally:
        kill_group(proc)
        report.printed.finish()
        os.close(read_fd)
        os.close(out_read)
        shutil.rmtree(workdir, ignore_errors=True)
    report.timings["wall_s"] = time.perf_counter() - began
    return report


class _Loop:
    """Reads both pipes until the child is done, a limit is hit, or the channel is tampered with."""

    def __init__(self, proc: Child, read_fd: int, out_fd: int, reader: FrameReader, report: ChildRun,
                 timeout: float) -> None:
        self.proc, self.read_fd, self.out_fd, self.reader, self.report, self.timeout = (proc, read_fd, out_fd, reader,
                                                                                       report, timeout)
        self.deadline = time.monotonic() + SETUP_TIMEOUT
        self.ready = False
        self.current: FileRun | None = None
        self.finished = False

    def run(self) -> None:
        """Read until the child is done or stopped; whatever went wrong is recorded on the report."""
        out_fd = self.out_fd
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
                try:
                    data = os.read(key.fd, 1 << 16)
                except BlockingIOError:  # drained already, when a frame arrived
                    continue
                if not data:
                    sel.unregister(key.fd)
                elif key.fd == out_fd:
                    if not self._output(data):
                        return
                elif not self._frames(data):
                    return
        sel.close()
        self._drain()
        self.report.printed.finish()
        self.proc.wait()
        if not self.finished and self.report.fatal is None and self.report.no_device is None:
            self._blame(self._exit_message())

    def _output(self, data: bytes) -> bool:
        r = self.report
        r.output_total += len(data)
        r.printed.feed(data)
        if r.output_total > OUTPUT_LIMIT:
            self._stop(f"printed more than {OUTPUT_LIMIT // 1024} KiB, so the run was stopped (a print in a loop?)")
            return False
        return True

    def _drain(self) -> None:
        """Read what is left of the child's output once it has exited."""
        while True:
            try:
                data = os.read(self.out_fd, 1 << 16)
            except OSError:  # nothing more for now (non-blocking), or already closed
                return
            if not data or not self._output(data):
                return

    def _frames(self, data: bytes) -> bool:
        # Only a real protocol violation is tampering: a bug in the code below must surface as itself.
        try:
            for message in self.reader.feed(data):
                self._handle(message)
        except ProtocolError:
            self._stop("the judge's private result channel received data the judge did not send")
            return False
        return True

    def _file(self, i: int) -> FileRun:
        """The file a message names, which must be the one being judged."""
        if not 0 <= i < len(self.report.files) or self.report.files[i] is not self.current:
            raise ProtocolError(f"a message about file {i}, which is not being judged")
        return self.report.files[i]

    def _handle(self, m: Message) -> None:
        r = self.report
        match m:
            case Hello() if not self.ready:
                r.timings["import_s"] = m.import_s
            case CaseInfo() if not self.ready:
                r.cases.append(m)
            case Ready() if not self.ready:
                self.ready = True
                r.timings["setup_s"] = m.setup_s
                r.hints = m.hints
            case NoDevice() if not self.ready:
                r.no_device = m.why
            case Fatal() if not self.ready:
                r.fatal = m.message
            case Fatal() if self.current is not None:
                # The harness failed on something the candidate's code left behind; blame the run, not the channel.
                last = m.message.strip().splitlines()[-1:] or ["no message"]
                self.current.problem = f"the judge failed{self._during()}: {last[0]}"
            case FileStarted() if self.ready and 0 <= m.i < len(r.files) and not r.files[m.i].started:
                self.current = r.files[m.i]
                self.current.started = True
                self.deadline = time.monotonic() + self.timeout
            case CaseStarted():
                self._file(m.i).running = m.case
            case Result() if self._file(m.i).running == m.case:
                self._file(m.i).results[m.case] = m
                self._file(m.i).running = None
            case ImportFailed():
                self._file(m.i).import_error = m
            case FileDone():
                done = self._file(m.i)
                done.done, done.user_s = True, m.user_s
            case Done() if self.ready:
                self.finished = True
            case _:
                raise ProtocolError(f"an unexpected {type(m).__name__} message")

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
        kill_group(self.proc)
        self._blame(message)

    def _blame(self, message: str) -> None:
        if self.current is None:
            self.report.fatal = self.report.fatal or message
        else:
            self.current.problem = self.current.problem or message
