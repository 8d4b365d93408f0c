"""What the candidate's code printed, split by the case that printed it (stdlib only).

The child writes a marker `\\x1e<token>:<file>:<segment>\\x1e` into its own stdout before and after each case
(segment: the case's number, `import`, or empty between cases), flushing Python's buffers first, so the
parent can attribute every byte without trusting the order in which two pipes are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KEEP_BYTES = 8 * 1024  # kept per segment; the rest is only counted
SHOW_LINES = 40  # lines shown per case
GENERAL_KEEP = 16 * 1024  # output outside every marked segment (the harness, a thread of the candidate's)


@dataclass
class Capture:
    """The start of one segment's output, and how much there was in all."""

    data: bytearray = field(default_factory=bytearray)
    total: int = 0

    def add(self, chunk: bytes, keep: int = KEEP_BYTES) -> None:
        """Count `chunk`, keeping it while the segment is under `keep` bytes."""
        self.total += len(chunk)
        self.data += chunk[:max(0, keep - len(self.data))]

    def lines(self, limit: int = SHOW_LINES) -> tuple[tuple[str, ...], int]:
        """Up to `limit` lines of text, and how many more there were (counting unkept bytes as one more)."""
        text = self.data.decode("utf-8", "replace").rstrip("\n")
        all_lines = text.splitlines() if text.strip() else []
        more = max(0, len(all_lines) - limit) + (1 if self.total > len(self.data) else 0)
        return tuple(all_lines[:limit]), more


class Printed:
    """Feeds the child's output in, as it arrives; `segments[(file, segment)]` and `general` hold the result."""

    def __init__(self, token: str) -> None:
        self.start = b"\x1e" + token.encode("ascii") + b":"
        self.pattern = re.compile(re.escape(self.start) + rb"(\d+):([a-z0-9]*)\x1e")
        self.longest = len(self.start) + 40
        self.buffer = bytearray()
        self.where: tuple[int, str] | None = None
        self.segments: dict[tuple[int, str], Capture] = {}
        self.general = Capture()

    def feed(self, data: bytes) -> None:
        """Attribute `data` (a marker may be split across two calls)."""
        self.buffer += data
        while True:
            match = self.pattern.search(self.buffer)
            if match is None:
                break
            self._emit(bytes(self.buffer[:match.start()]))
            segment = match.group(2).decode("ascii")
            self.where = (int(match.group(1)), segment) if segment else None
            del self.buffer[:match.end()]
        # Keep back only what could still become a marker.
        cut = self.buffer.rfind(b"\x1e")
        hold = cut >= 0 and len(self.buffer) - cut < self.longest and self.start.startswith(
            bytes(self.buffer[cut:cut + len(self.start)]))
        keep_from = cut if hold else len(self.buffer)
        self._emit(bytes(self.buffer[:keep_from]))
        del self.buffer[:keep_from]

    def finish(self) -> None:
        """The child is gone: whatever is held back was plain output."""
        self._emit(bytes(self.buffer))
        self.buffer.clear()

    def _emit(self, chunk: bytes) -> None:
        if not chunk:
            return
        if self.where is None:
            self.general.add(chunk, GENERAL_KEEP)
        else:
            self.segments.setdefault(self.where, Capture()).add(chunk)
