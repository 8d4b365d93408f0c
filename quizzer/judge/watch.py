"""Waiting for a file to be saved again: inotify on Linux, polling everywhere (and as the fallback)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import sys
import time
from pathlib import Path

_IN_CLOSE_WRITE, _IN_MOVED_TO, _IN_CREATE = 0x008, 0x080, 0x100
POLL_SECONDS = 0.5


def stamp(path: Path) -> tuple[int, int] | None:
    """What changes when the file is saved: modification time and size (None while it is missing)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Watcher:
    """Blocks until `path` differs from the last stamp; inotify only shortens the wait, the stamp decides."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last = stamp(path)
        self.fd = _inotify(path)

    @property
    def mechanism(self) -> str:
        """How changes are noticed, for the status line."""
        return "inotify" if self.fd is not None else "polling"

    def wait(self) -> None:
        """Return once the file has been saved with a new stamp, and it has settled."""
        while True:
            if self.fd is not None:
                ready, _, _ = select.select([self.fd], [], [], POLL_SECONDS * 2)
                if ready:
                    _drain(self.fd)
            else:
                time.sleep(POLL_SECONDS)
            now = stamp(self.path)
            if now is not None and now != self.last:
                # Editors write in several steps; grade what is there once it stops changing.
                time.sleep(0.05)
                self.last = stamp(self.path)
                return

    def close(self) -> None:
        """Release the inotify descriptor."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _inotify(path: Path) -> int | None:
    """A non-blocking inotify descriptor watching the file's folder, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if fd < 0:
            return None
        folder = str(path.resolve().parent).encode()
        # The folder, not the file: editors often save by writing a new file and renaming it over the old one.
        if libc.inotify_add_watch(fd, folder, _IN_CLOSE_WRITE | _IN_MOVED_TO | _IN_CREATE) < 0:
            os.close(fd)
            return None
        return fd
    except (OSError, AttributeError):
        return None


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 1 << 16):
            pass
    except BlockingIOError:
        pass
