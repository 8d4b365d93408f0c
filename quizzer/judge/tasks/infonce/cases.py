"""Hidden cases and known bugs of the `infonce` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, randn

RUN = call("info_nce", "query", "key")
OUTPUTS = "loss"


def matched_pairs(n: int, d: int, noise: float, **extra: Any) -> Any:
    """Keys close to their queries (real positives), at different norms."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        q = randn(n, d).make(gen)
        k = (q + randn(n, d, scale=noise).make(gen)) * 3.0
        return {"query": q, "key": k, **extra}
    return make


CASES = [
    Case("example", {"query": randn(4, 8), "key": randn(4, 8)}, hidden=False),
    Case("matched_pairs", matched_pairs(8, 16, 1.0), hint="the positive of query i is key i: the diagonal"),
    Case("temperature_0_5", {"query": randn(6, 5), "key": randn(6, 5), "temperature": 0.5},
         hint="divide the cosine similarities by the temperature argument"),
    Case("unnormalised_inputs", {"query": randn(8, 16, scale=10.0), "key": randn(8, 16, scale=0.1)},
         hint="L2-normalise query and key along the feature dimension before the dot product"),
    Case("batch_gt_dim", {"query": randn(16, 4), "key": randn(16, 4), "temperature": 0.2}),
    Case("float64", {"query": randn(5, 12, dtype="float64"), "key": randn(5, 12, dtype="float64")}),
    Case("low_temperature", matched_pairs(6, 8, 0.05, temperature=0.01),
         hint="with temperature 0.01 the logits reach 100 and exp() overflows: use a stable log-sum-exp",
         hint_on="nonfinite"),
    Case("single_pair", {"query": randn(1, 6), "key": randn(1, 6)},
         hint="with N = 1 there are no negatives: the loss is 0"),
]

_Q_NORM = "q = query / query.norm(dim=-1, keepdim=True).clamp_min(1e-12)"
_K_NORM = "k = key / key.norm(dim=-1, keepdim=True).clamp_min(1e-12)"
_LOSS = "return (torch.logsumexp(logits, dim=-1) - positive).mean()"
BUGS = [
    Bug("targets_all_zero", "matches targets of all zeros; with in-batch negatives row i's positive is column i "
        "(targets = arange(N))", {"positive = logits.diagonal(dim1=-2, dim2=-1)": "positive = logits[..., 0]"}),
    Bug("not_normalised", "matches skipping the L2 normalisation; normalise query and key along the features first",
        {_Q_NORM: "q = query", _K_NORM: "k = key"}),
    Bug("only_key_normalised", "matches normalising only the keys; normalise both sides", {_Q_NORM: "q = query"}),
    Bug("only_query_normalised", "matches normalising only the queries; normalise the keys too, so every logit is "
        "a cosine similarity", {_K_NORM: "k = key"}),
    Bug("normalised_over_batch", "matches normalising along the batch dimension; normalise each vector along its "
        "features (dim=-1)", {_Q_NORM: "q = query / query.norm(dim=0, keepdim=True).clamp_min(1e-12)",
                              _K_NORM: "k = key / key.norm(dim=0, keepdim=True).clamp_min(1e-12)"}),
    Bug("times_temperature", "matches multiplying by the temperature; the logits are similarities divided by it",
        {"q @ k.transpose(-2, -1) / temperature": "q @ k.transpose(-2, -1) * temperature"}),
    Bug("symmetric", "matches the symmetric (CLIP) loss averaged over both directions; this task is query -> key "
        "only", {_LOSS: "return 0.5 * ((torch.logsumexp(logits, dim=-1) - positive).mean()"
                        " + (torch.logsumexp(logits, dim=-2) - positive).mean())"}),
    Bug("unstable_logsumexp", "matches log(sum(exp(logits))), which overflows at low temperature; subtract the row "
        "max first (a stable log-sum-exp)", {"torch.logsumexp(logits, dim=-1)": "logits.exp().sum(dim=-1).log()"}),
    Bug("sum_over_batch", "matches the sum over the batch; return the mean",
        {_LOSS: _LOSS.replace(".mean()", ".sum()")}),
]
