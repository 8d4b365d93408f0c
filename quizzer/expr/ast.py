"""Expression tree nodes."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Union


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
    operand: "Node"


@dataclass(frozen=True)
class Binary:
    """`a op b` for op in + - * / ^."""

    op: str
    left: "Node"
    right: "Node"


@dataclass(frozen=True)
class Call:
    """`f(args...)` for one of the allowed functions."""

    func: str
    args: tuple["Node", ...]


Node = Union[Num, Name, Unary, Binary, Call]


def names_in(node: Node) -> set[str]:
    """Every variable name used in the tree."""
    if isinstance(node, Name):
        return {node.id}
    if isinstance(node, Unary):
        return names_in(node.operand)
    if isinstance(node, Binary):
        return names_in(node.left) | names_in(node.right)
    if isinstance(node, Call):
        out: set[str] = set()
        for arg in node.args:
            out |= names_in(arg)
        return out
    return set()
