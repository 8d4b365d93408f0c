"""Starting and stopping a fresh judge child process: its command, session and kill (stdlib only)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from typing import Protocol

from quizzer.judge.childenv import PACKAGE_ROOT, environment

BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from quizzer.judge.child.main import main; main()"


class Child(Protocol):
    """A running judge child: a fresh process (subprocess.Popen) or one forked by the warm host."""

    pid: int
    returncode: int | None

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...


def spawn(spec: bytes, write_fd: int, workdir: str) -> subprocess.Popen[bytes]:
    """A fresh child that imports torch itself, with the spec on its stdin."""
    proc = start_child(write_fd, workdir)
    send_spec(proc, spec)
    return proc


def start_child(write_fd: int, workdir: str) -> subprocess.Popen[bytes]:
    """A fresh child, importing torch until its spec arrives on stdin (see `send_spec`)."""
    return subprocess.Popen([sys.executable, "-I", "-c", BOOT, str(PACKAGE_ROOT), str(write_fd)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            pass_fds=(write_fd,), env=environment(workdir), cwd=workdir, start_new_session=True)


def send_spec(proc: subprocess.Popen[bytes], spec: bytes) -> None:
    """Write the spec and close stdin; a child that died already is the runner's to report."""
    try:
        assert proc.stdin is not None
        proc.stdin.write(spec)
        proc.stdin.close()
    except BrokenPipeError:
        pass


def kill_group(proc: Child) -> None:
    """Kill the child's whole session (and the child itself, should it not have its own session yet)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
