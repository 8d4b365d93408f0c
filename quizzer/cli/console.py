"""The two Rich consoles every view prints to, and the helpers views share for the terminal's width."""

from __future__ import annotations

from rich.console import Console

from quizzer.messages import CATALOG, say

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
# On a terminal Rich wraps long lines at word boundaries ('span corruption', never 'span corrup / tion');
# piped or captured output keeps one logical line per line, for grep and for tests.
out.soft_wrap = not out.is_terminal
err.soft_wrap = not err.is_terminal

# Below this many columns, tables leave out their low-value columns instead of cutting every cell short.
NARROW = 80


def narrow() -> bool:
    """Whether the output is too narrow for every column of a table."""
    return out.width < NARROW


def fitting(cells: dict[str, list[str]], priority: tuple[str, ...]) -> list[str]:
    """The columns (name -> header and cells) that fit the output whole, taken in `priority` order, and shown in
    the order `cells` lists them; the first of `priority` is always kept (an id is never cut)."""
    from rich.cells import cell_len
    from rich.text import Text

    def width(name: str) -> int:
        return max(cell_len(Text.from_markup(c).plain) for c in cells[name])

    kept, used = [priority[0]], width(priority[0])
    for name in priority[1:]:
        if used + 2 + width(name) <= out.width:
            kept.append(name)
            used += 2 + width(name)
    return [name for name in cells if name in kept]


def counted(n: int, noun: str, lang: str = "en") -> str:
    """`n` and the noun in the number it needs: '1 question', '2 questions', '2 道题'."""
    if f"n.{noun}" in CATALOG:
        return say(lang, f"n.{noun}", n=n)
    return f"{n} {noun if n == 1 else noun + 's'}"


def labelled(lang: str, key: str, style: str, markup: str) -> str:
    """A catalog label (`hint:`, `提示：`) in `style`, then `markup`: a space after an English colon, none after a
    full-width one."""
    label = say(lang, key)
    shown = f"[{style}]{label}[/]" if style else label
    return f"{shown}{'' if label.endswith('：') else ' '}{markup}"


def term(lang: str, group: str, value: str) -> str:
    """A word the data stores in English (a kind, a verdict, a section) as the catalog writes it in `lang`."""
    key = f"{group}.{value}"
    return say(lang, key) if key in CATALOG else value
