"""A status line pinned to the bottom row of a terminal, redrawn in place while the candidate types above it.

How it keeps out of the way of typing: the rows above it become the scrolling region (DECSTBM), so questions,
answers and verdicts scroll there and never over the line; each redraw saves the cursor, writes the bottom row
and restores the cursor in one write, so the line being typed (echoed by the terminal itself, which is in its
normal line mode) keeps its place. The region starts at the top row, so what scrolls off still goes to the
terminal's scrollback. Only a terminal on both stdin and stdout gets one; a pipe or a file gets nothing.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

SAVE, RESTORE = "\0337", "\0338"
MIN_ROWS = 8  # a smaller terminal keeps every row for the questions


def _region(bottom: int) -> str:
    """Rows 1..bottom scroll; the cursor is saved and restored because setting a region moves it home."""
    return f"{SAVE}\033[1;{bottom}r{RESTORE}" if bottom else f"{SAVE}\033[r{RESTORE}"


class StatusLine:
    """The bottom row of the terminal as a live status line."""

    def __init__(self, stream: TextIO | None = None, keyboard: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.keyboard = keyboard or sys.stdin
        self.rows = 0  # the terminal's height when the region was last set; 0 while inactive
        self.shown = ""

    def _size(self) -> os.terminal_size | None:
        try:
            return os.get_terminal_size(self.stream.fileno())
        except (AttributeError, OSError, ValueError):
            return None

    def usable(self) -> bool:
        """Whether this screen can keep a status line (a terminal of at least MIN_ROWS rows on stdin and stdout)."""
        return self._usable()

    def _usable(self) -> bool:
        try:
            terminal = self.stream.isatty() and self.keyboard.isatty()
        except (AttributeError, ValueError):
            return False
        size = self._size()
        return terminal and os.environ.get("TERM", "") != "dumb" and size is not None and size.lines >= MIN_ROWS

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def start(self) -> None:
        """Reserve the bottom row (a terminal only): one blank line is added so nothing printed is covered."""
        if self.rows or not self._usable():
            return
        size = self._size()
        assert size is not None
        self.rows = size.lines
        # The newline (then back up) leaves the cursor on a blank row that is inside the region in every case:
        # at the bottom of a full screen it scrolls one line up, higher up it just moves down and back.
        self._write("\n\033[A" + _region(self.rows - 1))

    def show(self, text: str, urgent: bool = False, bell: bool = False) -> None:
        """Draw `text` on the status row (cut to the width), bold when `urgent`; `bell` rings the terminal bell."""
        if not self.rows:
            return
        size = self._size()
        if size is None:
            return
        resized = size.lines != self.rows
        if resized:  # a resized window: the region follows the new bottom row
            self._write(_region(size.lines - 1))
            self.rows = size.lines
        text = text[: max(size.columns - 1, 0)]
        if text == self.shown and not resized and not bell:
            return
        self.shown = text
        style = "\033[1;7m" if urgent else "\033[7m"  # reverse video is not a colour, so it stays under NO_COLOR
        self._write(f"{SAVE}\033[{self.rows};1H\033[2K{style}{text}\033[0m{RESTORE}" + ("\a" if bell else ""))

    def stop(self) -> None:
        """Give the row back: the whole screen scrolls again and the status row is cleared."""
        if not self.rows:
            return
        self._write(_region(0) + f"{SAVE}\033[{self.rows};1H\033[2K{RESTORE}")
        self.rows, self.shown = 0, ""
