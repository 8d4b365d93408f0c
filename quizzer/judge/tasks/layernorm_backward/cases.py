"""Hidden cases and known bugs of the `layernorm_backward` task.

The reference is hand-derived like a candidate's answer; tests/test_alignment_references.py checks it against
autograd (F.layer_norm in float64) on every case below.
"""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, randn

RUN = call("layernorm_backward", "x", "weight", "grad_output")
OUTPUTS = out("result", "grad_x", "grad_weight", "grad_bias")


def rows(n: int, d: int, dtype: str = "float32", scale: float = 1.0, offset: float = 0.0, eps: float = 1e-5,
         unit_grad: bool = False) -> Any:
    """x (n, d) times `scale` plus `offset`, a random weight, and a random (or all-ones) upstream gradient."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        cast = getattr(torch, dtype)
        x = randn(n, d, dtype="float64", scale=scale).make(gen) + offset
        grad = torch.ones(n, d, dtype=torch.float64) if unit_grad else randn(n, d, dtype="float64").make(gen)
        weight = randn(d, dtype="float64").make(gen)
        return {"x": x.to(cast), "weight": weight.to(cast), "grad_output": grad.to(cast), "eps": eps}
    return make


def constant_row(gen: torch.Generator) -> dict[str, Any]:
    a = rows(3, 16)(gen)
    a["x"][1] = 2.5
    return a


CASES = [
    Case("example", rows(3, 8), hidden=False),
    Case("wide", rows(4, 64)),
    Case("one_row", rows(1, 16), hint="grad_weight and grad_bias sum over the rows, here a single one"),
    Case("small_dim", rows(6, 3),
         hint="with a short row the variance estimator shows: the forward divides by D (biased), not D - 1"),
    Case("tiny_inputs", rows(4, 32, scale=1e-3),
         hint="with inputs this small, where eps goes matters: x_hat = (x - mean) / sqrt(var + eps)"),
    Case("custom_eps", rows(4, 16, scale=0.3, eps=0.1), hint="use the eps passed in"),
    Case("constant_row", constant_row, hint="a constant row has var = 0: eps keeps every gradient finite",
         hint_on="nonfinite"),
    Case("uniform_upstream", rows(5, 12, unit_grad=True),
         hint="an upstream gradient of all ones with weight w gives grad_x = rstd * (w - mean(w) - x_hat * "
              "mean(w * x_hat)): keep the paths through the mean and the variance"),
    # |mean| = 100 * std: mean(x**2) - mean**2 loses about three digits in float32.
    Case("large_mean", rows(4, 64, offset=100.0), atol=1e-3,
         hint="mean(x**2) - mean(x)**2 cancels catastrophically when |mean| >> std; average (x - mean)**2 instead"),
    Case("float64", rows(6, 32, dtype="float64")),
    Case("many_rows", rows(64, 48)),
]

_GRAD_X = "grad_x = rstd * (grad_x_hat - mean_grad - x_hat * mean_grad_x_hat)"
_VAR = "var = (centred * centred).mean(dim=-1, keepdim=True)"
BUGS = [
    Bug("stats_as_constants", "matches treating mean and variance as constants (grad_x = grad_output * weight / "
        "std); x also reaches x_hat through both statistics", {_GRAD_X: "grad_x = rstd * grad_x_hat"}),
    Bug("no_mean_path", "matches dropping the gradient through the mean: subtract the row mean of grad_x_hat "
        "(grad_x_hat = grad_output * weight)", {_GRAD_X: "grad_x = rstd * (grad_x_hat - x_hat * mean_grad_x_hat)"}),
    Bug("no_variance_path", "matches dropping the gradient through the variance: also subtract x_hat * "
        "mean(grad_x_hat * x_hat)", {_GRAD_X: "grad_x = rstd * (grad_x_hat - mean_grad)"}),
    Bug("weight_left_out", "matches grad_x without the weight; the gradient reaching x_hat is grad_output * weight",
        {"grad_x_hat = grad_output * weight": "grad_x_hat = grad_output"}),
    Bug("grad_weight_uses_x", "matches grad_weight = sum(grad_output * x); it is sum over rows of "
        "grad_output * x_hat (the normalised input)",
        {"grad_weight = (grad_output * x_hat).sum(dim=0)": "grad_weight = (grad_output * x).sum(dim=0)"}),
    Bug("grad_bias_mean", "matches averaging over the rows; grad_bias (and grad_weight) sum over the rows",
        {"grad_bias = grad_output.sum(dim=0)": "grad_bias = grad_output.mean(dim=0)"}),
    Bug("unbiased_variance", "matches the unbiased variance (D - 1) in the forward statistics; LayerNorm divides "
        "by D", {_VAR: "var = x.var(dim=-1, keepdim=True)"}),
    Bug("eps_outside_sqrt", "eps is outside the sqrt: x_hat = (x - mean) / sqrt(var + eps), not / (sqrt(var) + eps)",
        {"rstd = torch.rsqrt(var + eps)": "rstd = 1.0 / (torch.sqrt(var) + eps)"}),
    Bug("one_pass_variance", "matches var = mean(x**2) - mean(x)**2, which cancels catastrophically in float32 "
        "when |mean| >> std; average (x - mean)**2 instead",
        {_VAR: "var = (x * x).mean(dim=-1, keepdim=True) - mean * mean"}),
]
