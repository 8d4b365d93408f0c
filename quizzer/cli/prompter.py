"""Reading answers at the terminal or from a pipe: one line, or a block ending on an empty line."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

COMMANDS = (":skip", ":hint", ":quit", ":help")


class EndOfInput(Exception):
    """Standard input is exhausted (a piped session ran out of answers)."""


@dataclass
class Prompter:
    """Reads from `stream`, writing the prompt marker to `out`."""

    # Looked up when the loop starts (not at import), so a test runner's replacement streams are used.
    stream: TextIO = field(default_factory=lambda: sys.stdin)
    out: TextIO = field(default_factory=lambda: sys.stdout)

    def _line(self, marker: str) -> str:
        self.out.write(marker)
        self.out.flush()
        line = self.stream.readline()
        if line == "":
            raise EndOfInput
        return line.rstrip("\r\n")

    def line(self, marker: str = "> ") -> str:
        """One line, stripped."""
        return self._line(marker).strip()

    def block(self, marker: str = "> ", more: str = "… ") -> str:
        """Lines until an empty one; a `:command` on the first line is returned alone."""
        first = self._line(marker).strip()
        if not first or first.lower() in COMMANDS:
            return first
        lines = [first]
        while True:
            try:
                line = self._line(more)
            except EndOfInput:
                break
            if not line.strip():
                break
            lines.append(line)
        return "\n".join(lines)
