"""Hidden cases and known bugs of the `grad_clip` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, randn


def RUN(api: Any, a: dict[str, Any]) -> tuple[Any, ...]:
    """Parameters whose .grad are the case's tensors (some without a grad), passed as a generator.

    Returns the norm, every parameter's .grad afterwards, and the caller's own gradient tensors (clipping is in
    place, so those must change too).
    """
    params = []
    for g in a["grads"]:
        p = torch.nn.Parameter(torch.zeros_like(g))
        p.grad = g
        params.append(p)
    for i, shape in a.get("no_grad", []):
        params.insert(i, torch.nn.Parameter(torch.zeros(shape, dtype=a["grads"][0].dtype)))
    source = (p for p in params) if a.get("generator", True) else params
    norm = api.clip_grad_norm(source, a["max_norm"])
    return norm, [p.grad for p in params], list(a["grads"])


OUTPUTS = out("result", "total_norm", "p.grad", "the gradient tensors passed in")


def grads(*shapes: tuple[int, ...], scale: float = 1.0, dtype: str = "float32") -> list[Any]:
    """Gradient inputs of the given shapes."""
    return [randn(*s, scale=scale, dtype=dtype) for s in shapes]


def inputs(grad_list: list[Any], **extra: Any) -> Any:
    def make(gen: torch.Generator) -> dict[str, Any]:
        return {"grads": [g.make(gen) for g in grad_list], **extra}
    return make


CASES = [
    Case("example_clipped", inputs(grads((3, 4), (5,), scale=2.0), max_norm=1.0, generator=False), hidden=False,
         mutable=("grads",)),
    Case("below_max_norm", inputs(grads((3, 4), (5,)), max_norm=100.0, generator=False), mutable=("grads",),
         hint="a total norm below max_norm leaves the gradients unchanged"),
    Case("generator_parameters", inputs(grads((4, 4), (4,), (2, 3), scale=3.0), max_norm=0.5), mutable=("grads",),
         hint="parameters may be a generator such as model.parameters(), which can be iterated only once",
         hint_after=("example_clipped", "below_max_norm")),
    Case("some_grads_none", inputs(grads((3, 3), (6,), scale=2.0), max_norm=2.0, no_grad=[(0, (4,)), (2, (2, 2))]),
         mutable=("grads",), hint="skip parameters whose .grad is None", hint_on="any"),
    Case("many_tensors", inputs(grads((2, 3), (3,), (1, 5), (4, 2, 2), (7,), (1,)), max_norm=1.5),
         mutable=("grads",)),
    Case("float64", inputs(grads((5, 3), (3,), dtype="float64", scale=0.5), max_norm=0.25), mutable=("grads",),
         hint="float64 gradients: accumulate the squared norms in the gradients' dtype (adding float64 values into "
              "a float32 tensor in place fails) and return the norm in that dtype", hint_on="any"),
    Case("single_parameter", inputs(grads((8,), scale=4.0), max_norm=1.0), mutable=("grads",)),
]

_SCALE = "        for g in grads:\n            g.mul_(coef)"
BUGS = [
    Bug("rebinds_loop_variable", "matches scaling a loop variable (g = g * coef), which binds the name to a new tensor "
        "and leaves every .grad as it was; scale the gradients in place: g.mul_(coef)",
        {_SCALE: "        for g in grads:\n            g = g * coef"}),
    Bug("iterates_parameters_twice", "matches reading `parameters` twice: a generator (model.parameters()) is "
        "empty the second time, so nothing is clipped; turn it into a list first",
        {_SCALE: "        for g in (p.grad for p in parameters if p.grad is not None):\n            g.mul_(coef)"}),
    Bug("not_in_place", "matches replacing .grad with a new tensor; scale the existing gradient tensors in place "
        "(g.mul_(...)), the optimizer and the caller hold those very tensors",
        {_SCALE: "        for p in params:\n            p.grad = p.grad * coef"}),
    Bug("returns_norm_after_clipping", "matches returning the norm after clipping; return the total norm from "
        "before", {"    return total\n": "    return torch.stack([g.norm(2) for g in grads]).norm(2)\n"}),
    Bug("sum_of_norms", "matches adding up the per-tensor norms; the global norm is sqrt(sum of squared norms)",
        {"torch.stack([g.norm(2) for g in grads]).norm(2)": "torch.stack([g.norm(2) for g in grads]).sum()"}),
    Bug("always_scales", "matches scaling even when the norm is below max_norm (which scales small gradients up); "
        "clip only when total_norm > max_norm", {"if total > max_norm:": "if True:"}),
    Bug("squared_norm", "matches the squared norm; take the square root of the sum of squares",
        {"torch.stack([g.norm(2) for g in grads]).norm(2)": "torch.stack([g.norm(2) for g in grads]).pow(2).sum()"}),
]
