"""Hidden cases and known bugs of the `linear_attention` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, randn

RUN = call("linear_attention", "q", "k", "v")


def qkv(L: int, S: int, d: int = 8, dv: int | None = None, lead: tuple[int, ...] = (2,), dtype: str = "float32",
        scale: float = 1.0) -> dict[str, Any]:
    """q (*lead, L, d), k (*lead, S, d), v (*lead, S, dv)."""
    return {"q": randn(*lead, L, d, dtype=dtype, scale=scale), "k": randn(*lead, S, d, dtype=dtype, scale=scale),
            "v": randn(*lead, S, dv or d, dtype=dtype)}


def batch_independent(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Batch row 1 equals the same row computed alone (zeros expected)."""
    full = api.linear_attention(a["q"], a["k"], a["v"])
    alone = api.linear_attention(a["q"][1:2], a["k"][1:2], a["v"][1:2])
    return full[1:2] - alone


CASES = [
    Case("example_3d", qkv(5, 5), hidden=False),
    Case("2d", qkv(6, 6, lead=()), extra=True),
    Case("L_ne_S", qkv(4, 9)),
    Case("dv_ne_d", qkv(5, 7, d=8, dv=3), hint="the output has v's last dimension dv, which need not equal d",
         hint_on="any"),
    Case("4d", qkv(6, 5, lead=(2, 3), d=4, dv=6), extra=True),
    Case("float64", qkv(5, 6, dtype="float64")),
    Case("large_inputs", qkv(6, 6, scale=5.0)),
    Case("batch_independent", qkv(5, 6, lead=(3,)), run=batch_independent,
         hint="one batch element's output depends on the others: a sum over the wrong dimension?",
         hint_after=(), outputs=out("row 1 batched minus row 1 alone", kind="zeros")),
    # The full 1024 x 1024 weight matrix is 64 times the size of q, k or v; phi(K)^T V is only 16 x 16.
    Case("no_full_scores", qkv(1024, 1024, d=16, lead=(1,)), scores=(1024, 1024), explain=False,
         hint="multiply phi(k)^T by v first (a d x d_v matrix), then phi(q) by that: never phi(q) @ phi(k)^T",
         hint_on="any"),
]

BUGS = [
    Bug("normaliser_sum_k_only", "normalises by sum_j phi(k_j) alone; the normaliser is per query: "
        "phi(q_i)·sum_j phi(k_j)", {"denom = phi_q @ k_sum.unsqueeze(-1)": "denom = k_sum.unsqueeze(-2)"}),
    Bug("no_normaliser", "matches leaving out the normaliser: divide each row by phi(q_i)·sum_j phi(k_j)",
        {"return (phi_q @ kv) / denom": "return phi_q @ kv"}),
    Bug("no_feature_map", "matches using q and k without the feature map; apply phi(x) = elu(x) + 1 to both",
        {"phi_q = F.elu(q) + 1": "phi_q = q", "phi_k = F.elu(k) + 1": "phi_k = k"}),
    Bug("elu_without_plus_one", "matches phi(x) = elu(x); the feature map is elu(x) + 1, which is always positive",
        {"phi_q = F.elu(q) + 1": "phi_q = F.elu(q)", "phi_k = F.elu(k) + 1": "phi_k = F.elu(k)"}),
    Bug("relu_feature_map", "matches a ReLU feature map; this task uses elu(x) + 1",
        {"phi_q = F.elu(q) + 1": "phi_q = F.relu(q)", "phi_k = F.elu(k) + 1": "phi_k = F.relu(k)"}),
    Bug("full_weight_matrix", None,
        {"    kv = phi_k.transpose(-2, -1) @ v": "    weights = phi_q @ phi_k.transpose(-2, -1)\n"
                                                 "    return (weights / weights.sum(dim=-1, keepdim=True)) @ v\n"
                                                 "    kv = phi_k.transpose(-2, -1) @ v"}),
]
