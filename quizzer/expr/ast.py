"""Expression tree nodes."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Num:
    """A literal number, exact where the text was exact."""

    value: Fraction | float


@dataclass(frozen=True)
class Name:
    """A variable or parameter name."""

    id: str
    pos: int = 0


@dataclass(frozen=True)
class Unary:
    """`-x` or `+x`."""

    op: str
    operand: Node


@dataclass(frozen=True)
class Binary:
    """`a op b` for op in + - * / ^."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    """`f(args...)` for one of the allowed functions."""

    func: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Unit:
    """A unit, magnitude or noun word of an answer (`GB`, `万`, `tokens`); its meaning depends on the question."""

    word: str
    pos: int = 0


@dataclass(frozen=True)
class Attach:
    """A number with the unit written after it: `14 GB`, `1/2 TB`, `312 TFLOP/s`."""

    value: Node
    unit: Node


@dataclass(frozen=True)
class Range:
    """`17-18 GB`, `17 to 18`, `18 ± 1`: `op` is `-` (a range only when low < high), `to`, `~` or `±`."""

    low: Node
    high: Node
    op: str


Node = Num | Name | Unary | Binary | Call | Unit | Attach | Range


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-trees of `node`."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, Attach):
        return (node.value, node.unit)
    if isinstance(node, Range):
        return (node.low, node.high)
    return ()


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents first."""
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children(n)))
    return out


def names_in(node: Node) -> set[str]:
    """Every variable name used in the tree."""
    return {n.id for n in walk(node) if isinstance(n, Name)}


def units_in(node: Node) -> list[Unit]:
    """Every unit word of the tree, in the order written."""
    return [n for n in walk(node) if isinstance(n, Unit)]
