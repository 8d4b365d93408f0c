"""Warm re-grades: a long-lived process that has imported torch and forks a fresh judge child per grade.

`--watch`, practice and the mock grade the same file again and again; each fresh child would pay for
`import torch` (seconds) again. A `WarmHost` pays once: its process (quizzer/judge/child/host.py) imports torch
and forks one child per grade, which then does everything a fresh child does, in the same order and under the
same limits. The parent still compares the outputs itself, without torch. Fork after importing torch is only
safe where the host is single-threaded and has run no torch operation, and only Linux is relied on for that;
elsewhere `usable()` is False and every grade spawns a fresh child, as a one-shot `quizzer grade` does.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

from quizzer.judge.childenv import PACKAGE_ROOT, SETUP_TIMEOUT, environment

HOST_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from quizzer.judge.child.host import serve; serve()"
_HEADER = struct.Struct(">I")
SUPPORTED = sys.platform.startswith("linux")


class HostGone(Exception):
    """The host process ended or broke its protocol; the next grade starts a fresh one."""


class WarmHost:
    """One warm host process, started on first use (or early, with `start`), one grade at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # held by a grade from launch to the child's exit
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._buffer = bytearray()
        self._ready = False
        self._folder: str | None = None
        self.import_s = 0.0

    def start(self) -> None:
        """Start the host process if it is not running (returns at once; torch loads in the background)."""
        if not SUPPORTED or self._proc is not None:
            return
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._folder = tempfile.mkdtemp(prefix="quizzer-host-")
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-I", "-c", HOST_BOOT, str(PACKAGE_ROOT), str(child.fileno())],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                pass_fds=(child.fileno(),), env=environment(self._folder), cwd=self._folder, start_new_session=True)
        except OSError:
            parent.close()
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
            return
        finally:
            child.close()
        self._sock = parent
        self._buffer.clear()
        self._ready = False

    def usable(self) -> bool:
        """The host is (started and) ready to fork; False where it cannot be, or failed to start."""
        if not SUPPORTED:
            return False
        if self._proc is not None and self._proc.poll() is not None:
            self.close()  # it died since the last grade: start again
        self.start()
        if self._proc is None:
            return False
        if not self._ready:
            try:
                reply = self._read(SETUP_TIMEOUT)
            except HostGone:
                self.close()
                return False
            if "ready" not in reply:
                self.close()
                return False
            self._ready = True
            self.import_s = float(reply.get("import_s", 0.0))
        return True

    def launch(self, spec: bytes, result_fd: int, output_fd: int, workdir: str) -> ForkedChild:
        """Fork a judge child for `spec`, reporting on `result_fd` and printing to `output_fd`."""
        assert self._sock is not None
        assert self._ready
        body = json.dumps({"spec": spec.decode("utf-8"), "workdir": workdir}).encode("utf-8")
        try:
            socket.send_fds(self._sock, [_HEADER.pack(len(body))], [result_fd, output_fd])
            self._sock.sendall(body)
            reply = self._read(30.0)
        except (OSError, HostGone) as exc:
            self.close()
            raise HostGone(str(exc)) from None
        if "pid" not in reply:
            self.close()
            raise HostGone(f"unexpected reply {reply}")
        return ForkedChild(self, int(reply["pid"]))

    def exit_status(self, pid: int, timeout: float | None) -> int | None:
        """The child's exit code as Popen.returncode gives it (negative: a signal), or None if still running."""
        try:
            reply = self._read(timeout)
        except TimeoutError:
            return None
        except HostGone:
            self.close()
            return -9  # the host is gone, and with it the means to know; the child was killed or is orphaned
        if reply.get("pid") != pid or "exit" not in reply:
            self.close()
            return -9
        return os.waitstatus_to_exitcode(int(reply["exit"]))

    def _read(self, timeout: float | None) -> dict[str, Any]:
        """The next message from the host; TimeoutError after `timeout` seconds, HostGone on EOF."""
        if self._sock is None:
            raise HostGone("not running")
        deadline = None if timeout is None else time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(self._sock, selectors.EVENT_READ)
            while True:
                if len(self._buffer) >= _HEADER.size:
                    (size,) = _HEADER.unpack_from(self._buffer)
                    if len(self._buffer) >= _HEADER.size + size:
                        data = bytes(self._buffer[_HEADER.size:_HEADER.size + size])
                        del self._buffer[:_HEADER.size + size]
                        try:
                            message = json.loads(data)
                        except ValueError:
                            raise HostGone("a malformed message") from None
                        if not isinstance(message, dict) or "fatal" in message:
                            raise HostGone(str(message.get("fatal") if isinstance(message, dict) else message))
                        return message
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                if not sel.select(left):
                    if left is not None and time.monotonic() >= deadline:  # type: ignore[operator]
                        raise TimeoutError
                    continue
                chunk = self._sock.recv(1 << 16)
                if not chunk:
                    raise HostGone("the host closed its socket")
                self._buffer += chunk

    @property
    def pid(self) -> int | None:
        """The host process's id, while it runs."""
        return self._proc.pid if self._proc is not None else None

    def close(self) -> None:
        """End the host: closing the socket ends its loop; a host stuck elsewhere is killed."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._proc is not None:
            try:
                self._proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self._proc.pid, 9)
                self._proc.wait()
            self._proc = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._ready = False


class ForkedChild:
    """A judge child forked by the host, with the part of subprocess.Popen's interface the runner uses."""

    def __init__(self, host: WarmHost, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._host = host

    def poll(self) -> int | None:
        """The exit code once the child has exited (the host reaps it and says so)."""
        if self.returncode is None:
            self.returncode = self._host.exit_status(self.pid, 0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the exit code; subprocess.TimeoutExpired after `timeout` seconds."""
        if self.returncode is None:
            self.returncode = self._host.exit_status(self.pid, timeout)
            if self.returncode is None:
                raise subprocess.TimeoutExpired(f"judge child {self.pid}", timeout or 0)
        return self.returncode


_SHARED: WarmHost | None = None


def shared() -> WarmHost:
    """The process's warm host (practice and the mock share one), closed when the program exits."""
    global _SHARED
    if _SHARED is None:
        _SHARED = WarmHost()
        atexit.register(_SHARED.close)
    return _SHARED
