"""The two Rich consoles every view prints to."""

from __future__ import annotations

from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def counted(n: int, noun: str) -> str:
    """`n` and the noun in the number it needs: '1 question', '2 questions'."""
    return f"{n} {noun if n == 1 else noun + 's'}"
