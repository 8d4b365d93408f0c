"""Hidden cases and known bugs of the `kl_gaussian` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, randn

RUN = call("kl_to_standard_normal", "mu", "logvar")
REPARAM = call("reparameterize", "mu", "logvar", "eps")
OUTPUTS = "kl"


def standard(gen: torch.Generator) -> dict[str, Any]:
    """mu = 0, logvar = 0: the posterior is the prior."""
    return {"mu": torch.zeros(3, 4), "logvar": torch.zeros(3, 4)}


CASES = [
    Case("reparam_example", {"mu": randn(4, 3), "logvar": randn(4, 3), "eps": randn(4, 3)}, run=REPARAM, hidden=False,
         outputs="z"),
    Case("reparam_3d", {"mu": randn(2, 3, 5), "logvar": randn(2, 3, 5, scale=2.0), "eps": randn(2, 3, 5)}, run=REPARAM,
         hint="z = mu + exp(0.5 * logvar) * eps, with the eps given", hint_after=("reparam_example",), outputs="z"),
    Case("reparam_float64", {"mu": randn(3, 6, dtype="float64"), "logvar": randn(3, 6, dtype="float64"),
                             "eps": randn(3, 6, dtype="float64")}, run=REPARAM, outputs="z"),
    Case("kl_example", {"mu": randn(4, 6), "logvar": randn(4, 6)}, hidden=False),
    Case("kl_3d_batch", {"mu": randn(2, 5, 8), "logvar": randn(2, 5, 8)},
         hint="sum over the last dimension, then average over every leading dimension", hint_after=("kl_example",)),
    Case("kl_prior_is_zero", standard, hint="KL(N(0, I) || N(0, I)) is 0", hint_after=()),
    Case("kl_wide_logvar", {"mu": randn(6, 4, scale=2.0), "logvar": randn(6, 4, scale=3.0)}),
    Case("kl_float64", {"mu": randn(5, 3, dtype="float64"), "logvar": randn(5, 3, dtype="float64")}),
    Case("kl_one_latent", {"mu": randn(7, 1), "logvar": randn(7, 1)}),
]

_KL = "per_dim = -0.5 * (1.0 + logvar - mu * mu - logvar.exp())"
_MEAN = "return per_dim.sum(dim=-1).mean()"
BUGS = [
    Bug("std_is_exp_logvar", "matches sigma = exp(logvar), which is the variance; the standard deviation is "
        "exp(0.5 * logvar)", {"std = (0.5 * logvar).exp()": "std = logvar.exp()"}),
    Bug("logvar_as_std", "matches using logvar itself as the standard deviation; sigma = exp(0.5 * logvar)",
        {"std = (0.5 * logvar).exp()": "std = logvar"}),
    Bug("std_is_sqrt_logvar", None, {"std = (0.5 * logvar).exp()": "std = logvar.abs().sqrt()"}),
    Bug("kl_mean_over_latents", "matches averaging over the latent dimensions too; sum over the last dimension, "
        "then average over the batch", {_MEAN: "return per_dim.mean()"}),
    Bug("kl_summed_over_batch", "matches summing over the batch as well; average over the batch",
        {_MEAN: "return per_dim.sum()"}),
    Bug("kl_wrong_sign", "matches the KL with the wrong sign; it is never negative: "
        "-0.5 * sum(1 + logvar - mu**2 - exp(logvar))", {_KL: _KL.replace("-0.5 *", "0.5 *")}),
    Bug("kl_without_one", "matches leaving out the 1 in -0.5 * (1 + logvar - mu**2 - exp(logvar)); the KL is 0 at "
        "mu = 0, logvar = 0", {_KL: "per_dim = -0.5 * (logvar - mu * mu - logvar.exp())"}),
    Bug("kl_var_as_std_squared", "matches exp(2 * logvar) for the variance; logvar is already log(sigma**2)",
        {_KL: "per_dim = -0.5 * (1.0 + logvar - mu * mu - (2 * logvar).exp())"}),
]
