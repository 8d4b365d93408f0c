"""Reading answers at the terminal or from a pipe: one line, or a block ending on an empty line."""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

COMMANDS = (":skip", ":hint", ":quit", ":help", ":undo")
# While waiting for a line, `tick` is called this often (seconds): a live clock then never lags a second behind.
TICK_SECONDS = 0.25


class Quit(Exception):
    """The candidate typed :quit."""


class EndOfInput(Exception):
    """Standard input is exhausted (a piped session ran out of answers)."""


class TimedOut(Exception):
    """No answer arrived before the deadline."""


@dataclass
class Prompter:
    """Reads from `stream`, writing the prompt marker to `out`."""

    # Looked up when the loop starts (not at import), so a test runner's replacement streams are used.
    stream: TextIO = field(default_factory=lambda: sys.stdin)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    # Called every TICK_SECONDS while waiting for a line (the mock's live clock); it must not read input.
    tick: Callable[[], None] | None = None

    def _wait(self, timeout: float | None) -> None:
        """Block until input is ready or `timeout` seconds pass (streams without a file descriptor never time out)."""
        if timeout is None and self.tick is None:
            return
        if timeout is not None and timeout <= 0:
            raise TimedOut
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            return
        end = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                raise TimedOut
            step = left if self.tick is None else min(TICK_SECONDS, left if left is not None else TICK_SECONDS)
            ready, _, _ = select.select([fd], [], [], step)
            if ready:
                return
            if self.tick is not None:
                self.tick()

    def _line(self, marker: str, timeout: float | None = None) -> str:
        self.out.write(marker)
        self.out.flush()
        self._wait(timeout)
        line = self.stream.readline()
        if line == "":
            raise EndOfInput
        return line.rstrip("\r\n")

    def line(self, marker: str = "> ", timeout: float | None = None) -> str:
        """One line, stripped; TimedOut when `timeout` seconds pass first."""
        return self._line(marker, timeout).strip()

    def block(self, marker: str = "> ", more: str = "… ", deadline: Deadline | None = None) -> str:
        """Lines until an empty one; a `:command` on the first line is returned alone.

        With a deadline, a block cut short by time raises TimedOut carrying what was typed so far.
        """
        first = self._line(marker, deadline.left() if deadline else None).strip()
        if not first or first.lower() in COMMANDS:
            return first
        lines = [first]
        while True:
            try:
                line = self._line(more, deadline.left() if deadline else None)
            except TimedOut as exc:
                exc.args = ("\n".join(lines),)
                raise
            except EndOfInput:
                break
            if not line.strip():
                break
            lines.append(line)
        return "\n".join(lines)


class Deadline:
    """Seconds left until a fixed moment on a clock."""

    def __init__(self, clock: Callable[[], float], at: float) -> None:
        self.clock, self.at = clock, at

    def left(self) -> float:
        """Seconds remaining (negative once passed)."""
        return self.at - self.clock()
