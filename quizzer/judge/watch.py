"""Waiting for a file to be saved again: file events through watchfiles, polling where it cannot watch."""

from __future__ import annotations

import os
import time
from collections.abc import Generator
from pathlib import Path

POLL_SECONDS = 0.5


def stamp(path: Path) -> tuple[int, int] | None:
    """What changes when the file is saved: modification time and size (None while it is missing)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Watcher:
    """Blocks until `path` differs from the last stamp; file events only shorten the wait, the stamp decides."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.last = stamp(path)
        self._events = _events(path)

    @property
    def mechanism(self) -> str:
        """How changes are noticed, for the status line."""
        return "watchfiles" if self._events is not None else "polling"

    def wait(self) -> None:
        """Return once the file has been saved with a new stamp, and it has settled."""
        while True:
            self._block()
            now = stamp(self.path)
            if now is not None and now != self.last:
                # Editors write in several steps; grade what is there once it stops changing.
                time.sleep(0.05)
                self.last = stamp(self.path)
                return

    def _block(self) -> None:
        """Until something in the file's folder changes (or a second passes), or half a second when polling."""
        if self._events is None:
            time.sleep(POLL_SECONDS)
            return
        try:
            next(self._events)
        except (OSError, RuntimeError, StopIteration):
            # The watch itself failed (the inotify table is full, the folder went away): poll from now on.
            self.close()

    def close(self) -> None:
        """Stop watching."""
        if self._events is not None:
            self._events.close()
            self._events = None


def _events(path: Path) -> Generator[object, None, None] | None:
    """Change notifications for the file (empty ones every second as well), or None without watchfiles."""
    try:
        import watchfiles
    except ImportError:
        return None
    name = path.name
    # The folder, not the file: editors often save by writing a new file and renaming it over the old one.
    return watchfiles.watch(path.absolute().parent, watch_filter=lambda _change, p: os.path.basename(p) == name,
                            recursive=False, rust_timeout=int(POLL_SECONDS * 2000), yield_on_timeout=True)
