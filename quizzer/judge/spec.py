"""The task interface: what a task's cases module (quizzer/judge/tasks/<id>/cases.py) declares. Child process only.

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
# What a case hint can be about (Case.hint_on): wrong values (NaN included), non-finite values only, an exception
# raised by the candidate's code, or any failure at all.
HINT_ON = ("values", "nonfinite", "error", "any")
# How an output is compared and described (Out.kind): numbers, a boolean mask, a sorted collection compared as a
# set, or a property that must be all zeros (a difference).
OUT_KINDS = ("values", "mask", "set", "zeros")
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
class Hint:
    """A hint in steps: the name of what the output matches, why that is wrong, then the fix (the hint ladder).

    A plain string works wherever a Hint does: a bug's "matches X; more" is the name "matches X" and the
    explanation "more"; a case's string is its explanation.
    """

    name: str | None = None
    why: str | None = None
    fix: str | None = None


def bug_hint(text: str | Hint | None) -> Hint | None:
    """A known bug's hint as a ladder (text before the first '; ' names it, the rest explains)."""
    if text is None or isinstance(text, Hint):
        return text
    name, _, rest = text.partition("; ")
    return Hint(name, rest or None)


def case_hint(text: str | Hint | None) -> Hint | None:
    """A case's hint as a ladder (a plain string is the explanation)."""
    return Hint(None, text) if isinstance(text, str) else text


@dataclass(frozen=True)
class Out:
    """How an output (or one item of a returned tuple) is named and compared in the verdict."""

    name: str
    kind: str = "values"  # one of OUT_KINDS
    labels: tuple[str, str] = ("False", "True")  # a mask's meaning of False and True ("kept", "removed")
    items: tuple[str | Out, ...] = ()  # the names of a returned tuple's or list's items


def out(name: str, *items: str | Out, kind: str = "values", labels: tuple[str, str] = ("False", "True")) -> Out:
    """An output name: `out("weights")`, `out("result", "q", "scale")` for a tuple, `out("kept", kind="mask")`."""
    if kind not in OUT_KINDS:
        raise ValueError(f"unknown output kind {kind!r} (one of {', '.join(OUT_KINDS)})")
    return Out(name, kind, labels, items)


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
    hint: str | Hint | None = None  # said (under --hints) when this case fails the way hint_on and hint_after say
    # Cases that must pass for the hint to be about this case's own failure; None: every visible case of the task
    # (a file that fails the basics fails here for a reason the hint is not about); () for a property case.
    hint_after: tuple[str, ...] | None = None
    hint_on: str = "values"  # the failure the hint is about: one of HINT_ON
    mutable: tuple[str, ...] = ()  # inputs the solution is meant to modify in place
    # The precision policy (docs/judge-tasks.md): float64 outputs must be float64 but need only float32-grade
    # values, unless the starter demands float64 arithmetic for this case (float64=True).
    float64: bool = False
    note: str | None = None  # said when float64 outputs pass at float32 precision only: the likely cause
    # Generality beyond what a standard interview answer handles (other leading dimensions, a mask without a
    # head axis): shown and counted on its own, never turns a PASS into a FAIL.
    extra: bool = False
    outputs: str | Out | None = None  # how the output is named; None: the task's OUTPUTS

    def __post_init__(self) -> None:
        if self.hint_on not in HINT_ON:
            raise ValueError(f"case {self.name}: hint_on={self.hint_on!r}, expected one of {', '.join(HINT_ON)}")

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
    hint: str | Hint | None  # None: a mutation for the test suite only, never named to a candidate
    patch: Mapping[str, str] = field(default_factory=dict)  # old -> new; each old occurs exactly once

    def apply(self, source: str) -> str:
        """The reference source with this bug in it."""
        for old, new in self.patch.items():
            if source.count(old) != 1:
                raise ValueError(f"bug {self.id}: {old!r} occurs {source.count(old)} times in the reference")
            source = source.replace(old, new)
        return source


# Hints and notes shared by several tasks.
FLOAT32_SOFTMAX = "a softmax computed in float32, as the eager attention of Hugging Face's Mixtral and LLaMA does"
CAUSAL_BOTTOM_RIGHT = ("matches a causal mask aligned bottom-right (query i sees keys j <= i + S - L), the "
                       "FlashAttention library's convention since version 2.1; this task uses the top-left "
                       "convention of F.scaled_dot_product_attention (j <= i)")


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


def create(cls: Any, *args: Any, **kwargs: Any) -> Any:
    """An instance of the candidate's class; modules in eval mode (every starter says so), so dropout is off."""
    obj = cls(*args, **kwargs)
    return obj.eval() if isinstance(obj, torch.nn.Module) else obj


def build(cls: Any, *args: Any, params: Mapping[str, torch.Tensor] | None = None,
          like: torch.Tensor | None = None, dtype: torch.dtype | None = None, **kwargs: Any) -> Any:
    """Construct a module, move it to `like`'s device and dtype (or `dtype`), load `params` by name, then eval().

    eval() comes last: a module may act on it (loralib-style adapters merge their weights), and must see the
    weights it will be called with.
    """
    module = cls(*args, **kwargs)
    if like is not None:
        module = module.to(device=like.device, dtype=dtype or like.dtype)
    for name, value in (params or {}).items():
        target = parameter(module, name)
        if tuple(target.shape) != tuple(value.shape):
            raise SetupError(f"{cls.__name__}.{name} has shape {tuple(target.shape)}, expected {tuple(value.shape)}")
        with torch.no_grad():
            target.copy_(value)
    return module.eval()


def parameter(module: Any, dotted: str) -> torch.nn.Parameter:
    """The nn.Parameter reachable as `module.<dotted>`, however it was registered (an alias of another is fine)."""
    obj = module
    for part in dotted.split("."):
        if not hasattr(obj, part):
            raise SetupError(f"{type(module).__name__}.{dotted} is missing")
        obj = getattr(obj, part)
    if not isinstance(obj, torch.nn.Parameter):
        what = "a plain tensor" if isinstance(obj, torch.Tensor) else f"a {type(obj).__name__}"
        raise SetupError(f"{type(module).__name__}.{dotted} is {what}, not an nn.Parameter")
    return obj
