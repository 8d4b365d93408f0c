"""The task interface: what a task module (quizzer/judge/tasks/<id>.py) declares. Child process only.

A task module is data: `RUN` (how a case calls an implementation), `CASES` and `BUGS`. The same case runs
the reference solution, each known-bug variant and the candidate's file; see docs/judge-tasks.md.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import torch

Run = Callable[[Any, dict[str, Any]], Any]
DTYPES = {"float32": torch.float32, "float64": torch.float64, "float16": torch.float16,
          "bfloat16": torch.bfloat16}


@dataclass(frozen=True)
class Rand:
    """A random input tensor, drawn from the case's seeded generator."""

    shape: tuple[int, ...]
    dtype: str = "float32"
    kind: str = "normal"  # normal | uniform | int | mask
    scale: float = 1.0
    low: int = 0
    high: int = 2

    def make(self, gen: torch.Generator) -> torch.Tensor:
        """The tensor (values drawn in float64 first, so every dtype sees the same numbers)."""
        if self.kind == "int":
            return torch.randint(self.low, self.high, self.shape, generator=gen, dtype=torch.int64)
        if self.kind == "mask":
            keep = torch.rand(self.shape, generator=gen, dtype=torch.float64) < 0.6
            # No row may be fully masked (tasks.md promises it): the first key is always visible.
            keep[..., 0] = True
            return keep
        draw = torch.randn if self.kind == "normal" else torch.rand
        return (draw(self.shape, generator=gen, dtype=torch.float64) * self.scale).to(DTYPES[self.dtype])


def randn(*shape: int, dtype: str = "float32", scale: float = 1.0) -> Rand:
    """Normal values times `scale`."""
    return Rand(tuple(shape), dtype, "normal", scale)


def rand(*shape: int, dtype: str = "float32", scale: float = 1.0) -> Rand:
    """Uniform values in [0, scale)."""
    return Rand(tuple(shape), dtype, "uniform", scale)


def randint(low: int, high: int, *shape: int) -> Rand:
    """int64 values in [low, high)."""
    return Rand(tuple(shape), "int64", "int", low=low, high=high)


def mask(*shape: int) -> Rand:
    """A boolean attention mask (True = may attend) with no fully masked row."""
    return Rand(tuple(shape), "bool", "mask")


@dataclass(frozen=True)
class Case:
    """One hidden test: inputs, how to call the implementation, and how strictly to compare."""

    name: str
    inputs: Mapping[str, Any] | Callable[[torch.Generator], dict[str, Any]]
    run: Run | None = None  # None: the task's RUN
    hidden: bool = True  # visible cases show values at the worst element when they fail
    rtol: float | None = None  # None: by dtype (see quizzer/judge/compare.py)
    atol: float | None = None
    upcast: bool = True  # reference values computed on float64 copies of the inputs
    scores: tuple[int, int] | None = None  # (L, S): fail if the solution allocates L*S elements at once
    explain: bool = True  # run the known-bug variants on this case to explain a failure
    hint: str | None = None  # said when the case fails and no known bug matches
    mutable: tuple[str, ...] = ()  # inputs the solution is meant to modify in place

    def make_inputs(self, task: str) -> dict[str, Any]:
        """The case's inputs; the seed depends only on task and case name, so every run sees the same."""
        gen = torch.Generator().manual_seed(zlib.crc32(f"{task}/{self.name}".encode()))
        if callable(self.inputs):
            return dict(self.inputs(gen))
        return {k: v.make(gen) if isinstance(v, Rand) else v for k, v in self.inputs.items()}


@dataclass(frozen=True)
class Bug:
    """A known wrong solution: the reference with text replaced, and what to tell a candidate it matches."""

    id: str
    hint: str | None  # None: a mutation for the test suite only, never named to a candidate
    patch: Mapping[str, str] = field(default_factory=dict)  # old -> new; each old occurs exactly once

    def apply(self, source: str) -> str:
        """The reference source with this bug in it."""
        for old, new in self.patch.items():
            if source.count(old) != 1:
                raise ValueError(f"bug {self.id}: {old!r} occurs {source.count(old)} times in the reference")
            source = source.replace(old, new)
        return source


def call(name: str, *positional: str) -> Run:
    """RUN for a function task: `api.<name>(*positional inputs, **the other inputs)`."""
    def run(api: Any, inputs: dict[str, Any]) -> Any:
        args = [inputs[p] for p in positional]
        kwargs = {k: v for k, v in inputs.items() if k not in positional}
        return getattr(api, name)(*args, **kwargs)

    run.__qualname__ = f"call({name!r})"
    return run


class SetupError(Exception):
    """A module the harness cannot use as the task describes (missing parameter, wrong shape)."""


def build(cls: Any, *args: Any, params: Mapping[str, torch.Tensor] | None = None,
          like: torch.Tensor | None = None, dtype: torch.dtype | None = None, **kwargs: Any) -> Any:
    """Construct a module, move it to `like`'s device and dtype (or `dtype`), and load `params` by name."""
    module = cls(*args, **kwargs)
    if like is not None:
        module = module.to(device=like.device, dtype=dtype or like.dtype)
    named = dict(module.named_parameters())
    for name, value in (params or {}).items():
        if name not in named:
            kind = "a plain tensor, not an nn.Parameter" if _has_attr(module, name) else "missing"
            raise SetupError(f"{cls.__name__}.{name} is {kind}")
        target = named[name]
        if tuple(target.shape) != tuple(value.shape):
            raise SetupError(f"{cls.__name__}.{name} has shape {tuple(target.shape)}, expected {tuple(value.shape)}")
        with torch.no_grad():
            target.copy_(value)
    return module


def _has_attr(module: Any, dotted: str) -> bool:
    obj = module
    for part in dotted.split("."):
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True
