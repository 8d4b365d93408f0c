"""Hidden cases and known bugs of the `rmsnorm` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, build, create, randn


def RUN(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """RMSNorm(dim, eps) with the case's weight, in x's dtype unless the case fixes the module's dtype."""
    x = a["x"]
    dtype = torch.float32 if a.get("float32_weight") and x.dtype != torch.float64 else x.dtype
    norm = build(api.RMSNorm, x.shape[-1], eps=a["eps"], params={"weight": a["weight"]}, like=x, dtype=dtype)
    return norm(x)


def fresh(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """A new module as constructed (weight must start at ones), eps left at its default."""
    x = a["x"]
    return create(api.RMSNorm, x.shape[-1]).to(x.dtype)(x)


def zero_row(gen: torch.Generator) -> dict[str, Any]:
    x = randn(3, 16).make(gen)
    x[1] = 0.0
    return {"x": x, "weight": randn(16).make(gen), "eps": 1e-6}


CASES = [
    Case("example_2d", {"x": randn(3, 8), "weight": randn(8), "eps": 1e-6}, hidden=False),
    Case("fresh_module", {"x": randn(2, 4, 16)}, run=fresh,
         hint="if only this case fails: a new RMSNorm must start with weight = ones and eps = 1e-6",
         hint_after=("example_2d", "3d_weighted", "4d_weighted")),
    Case("3d_weighted", {"x": randn(2, 5, 32), "weight": randn(32), "eps": 1e-6}),
    Case("4d_weighted", {"x": randn(2, 3, 4, 16), "weight": randn(16), "eps": 1e-6}),
    Case("tiny_inputs", {"x": randn(4, 64, scale=1e-3), "weight": randn(64), "eps": 1e-6},
         hint="with inputs this small, where eps goes matters: mean(x**2) + eps, inside the sqrt"),
    Case("custom_eps", {"x": randn(4, 16, scale=0.1), "weight": randn(16), "eps": 0.1},
         hint="use the eps passed to __init__"),
    Case("zero_row", zero_row, hint="an all-zero row must give zeros, not NaN: eps keeps the sqrt away from 0",
         hint_on="nonfinite"),
    Case("float64", {"x": randn(3, 5, 16, dtype="float64"), "weight": randn(16, dtype="float64"), "eps": 1e-6}),
    Case("bfloat16_input", {"x": randn(4, 64, dtype="bfloat16"), "weight": randn(64), "eps": 1e-6,
                            "float32_weight": True}),
    Case("large_inputs", {"x": randn(4, 32, scale=1e4), "weight": randn(32), "eps": 1e-6}),
]

BUGS = [
    Bug("gemma_one_plus_weight", "matches Gemma's RMSNorm, which scales by (1 + weight) with weight initialised to "
        "zeros; in this task weight is the scale itself (y * weight, initialised to ones), and the tests load it",
        {"nn.Parameter(torch.ones(dim))": "nn.Parameter(torch.zeros(dim))",
         "(y * self.weight)": "(y * (1.0 + self.weight))"}),
    Bug("cast_before_weight", "matches Hugging Face LLaMA's order, casting to x's dtype before multiplying by the "
        "weight: a float32 weight then turns a bfloat16 input into a float32 output; this task returns x's dtype "
        "(multiply, then cast)", {"(y * self.weight).to(x.dtype)": "self.weight * y.to(x.dtype)"}),
    Bug("eps_outside_sqrt", "eps is outside the sqrt: use x / sqrt(mean(x**2) + eps), not x / (sqrt(mean(x**2)) + eps)",
        {"torch.rsqrt(ms + self.eps)": "1 / (torch.sqrt(ms) + self.eps)"}),
    Bug("no_weight", "matches RMSNorm without the learned weight (gain)", {"(y * self.weight)": "y"}),
    Bug("subtracts_mean", "matches subtracting the mean first; RMSNorm does not centre x (that is LayerNorm)",
        {"ms = xf.pow(2)": "xf = xf - xf.mean(dim=-1, keepdim=True)\n        ms = xf.pow(2)"}),
    Bug("sum_not_mean", "matches dividing by the root of the sum of squares; RMSNorm uses the mean",
        {"xf.pow(2).mean(dim=-1, keepdim=True)": "xf.pow(2).sum(dim=-1, keepdim=True)"}),
    Bug("mean_over_everything", "matches averaging over the whole tensor; the mean is over the last dimension only",
        {"xf.pow(2).mean(dim=-1, keepdim=True)": "xf.pow(2).mean()"}),
    Bug("dtype_not_restored", "matches returning float32 for a bfloat16 input; cast the result back to x's dtype",
        {"(y * self.weight).to(x.dtype)": "y * self.weight"}),
    Bug("eps_ignored", "matches RMSNorm without eps", {"torch.rsqrt(ms + self.eps)": "torch.rsqrt(ms)"}),
]
