"""Hidden cases and known bugs of the `layernorm` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, build, create, randn


def RUN(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """LayerNorm(dim, eps) with the case's weight and bias, in x's dtype."""
    x = a["x"]
    norm = build(api.LayerNorm, x.shape[-1], eps=a["eps"], params={"weight": a["weight"], "bias": a["bias"]}, like=x)
    return norm(x)


def fresh(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """A new module as constructed (weight ones, bias zeros), eps left at its default."""
    x = a["x"]
    return create(api.LayerNorm, x.shape[-1]).to(x.dtype)(x)


def weighted(*shape: int, dtype: str = "float32", scale: float = 1.0, offset: float = 0.0,
             eps: float = 1e-5) -> Any:
    """x of `shape` (times `scale`, plus `offset`) with random weight and bias of the last dimension."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        x = randn(*shape, dtype="float64", scale=scale).make(gen) + offset
        d = shape[-1]
        return {"x": x.to(getattr(torch, dtype)), "weight": randn(d, dtype=dtype).make(gen),
                "bias": randn(d, dtype=dtype).make(gen), "eps": eps}
    return make


def constant_row(gen: torch.Generator) -> dict[str, Any]:
    a = weighted(3, 16)(gen)
    a["x"][1] = 2.5
    return a


CASES = [
    Case("example_2d", weighted(3, 8), hidden=False),
    Case("fresh_module", {"x": randn(2, 4, 16, scale=1e-3)}, run=fresh,
         hint="if only this case fails: a new LayerNorm must start with weight = ones, bias = zeros and eps = 1e-5",
         hint_after=("example_2d", "3d", "4d")),
    Case("3d", weighted(2, 5, 32)),
    Case("4d", weighted(2, 3, 4, 16)),
    Case("small_dim", weighted(5, 3),
         hint="with a short last dimension the variance estimator shows: divide by D (biased), not D - 1"),
    Case("tiny_inputs", weighted(4, 64, scale=1e-3),
         hint="with inputs this small, where eps goes matters: (x - mean) / sqrt(var + eps)"),
    Case("custom_eps", weighted(4, 16, scale=0.1, eps=0.1), hint="use the eps passed to __init__"),
    Case("constant_row", constant_row,
         hint="a constant row must give the bias, not NaN: eps keeps the sqrt away from 0", hint_on="nonfinite"),
    # |mean| = 100 * std: mean(x**2) - mean**2 loses about three digits in float32, the two-pass form none.
    Case("large_mean", weighted(4, 64, offset=100.0), atol=1e-4,
         hint="mean(x**2) - mean(x)**2 cancels catastrophically when |mean| >> std; average (x - mean)**2 instead"),
    Case("float64", weighted(3, 5, 16, dtype="float64")),
]

_VAR = "var = (centred * centred).mean(dim=-1, keepdim=True)"
_NORM = "y = centred * torch.rsqrt(var + self.eps)"
BUGS = [
    Bug("annotated_transformer_std", "matches the Annotated Transformer's LayerNorm: the unbiased std (torch.std's "
        "default, dividing by D - 1) with eps added to the std; this task uses the biased variance (divide by D) "
        "with eps inside the sqrt: (x - mean) / sqrt(var + eps)",
        {_VAR: "var = x.var(dim=-1, keepdim=True)", _NORM: "y = centred / (torch.sqrt(var) + self.eps)"}),
    Bug("unbiased_variance", "matches the unbiased variance (divide by D - 1, torch.var's default); LayerNorm uses "
        "the biased one: var(dim=-1, unbiased=False)", {_VAR: "var = x.var(dim=-1, keepdim=True)"}),
    Bug("eps_outside_sqrt", "eps is outside the sqrt: use (x - mean) / sqrt(var + eps), not / (sqrt(var) + eps)",
        {_NORM: "y = centred / (torch.sqrt(var) + self.eps)"}),
    Bug("eps_ignored", "matches LayerNorm without eps", {_NORM: "y = centred * torch.rsqrt(var)"}),
    Bug("one_pass_variance", "matches var = mean(x**2) - mean(x)**2, which cancels catastrophically in float32 "
        "when |mean| >> std; average (x - mean)**2 instead",
        {_VAR: "var = (x * x).mean(dim=-1, keepdim=True) - mean * mean"}),
    Bug("no_centring", "matches not subtracting the mean (that is RMSNorm with a bias); LayerNorm centres x first",
        {"centred = x - mean": "centred = x"}),
    Bug("no_bias", "matches LayerNorm without the learned bias (shift)",
        {"(y * self.weight + self.bias)": "(y * self.weight)"}),
    Bug("no_weight", "matches LayerNorm without the learned weight (scale)",
        {"(y * self.weight + self.bias)": "(y + self.bias)"}),
    Bug("stats_over_whole_tensor", "matches statistics over the whole tensor; mean and variance are per row, over "
        "the last dimension only", {"mean = x.mean(dim=-1, keepdim=True)": "mean = x.mean()",
                                    _VAR: "var = (centred * centred).mean()"}),
]
