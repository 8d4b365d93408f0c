"""Hidden cases and known bugs of the `moe_gating` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, randn


def RUN(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """top_k_gating, order-free: (each expert's weight in a dense (..., E) matrix, the sorted expert ids)."""
    weights, indices = api.top_k_gating(a["logits"], a["k"])
    dense = torch.zeros(a["logits"].shape, dtype=weights.dtype, device=weights.device)
    return dense.scatter(-1, indices.long(), weights), indices.sort(dim=-1).values


def loss(api: Any, a: dict[str, Any]) -> torch.Tensor:
    return api.load_balancing_loss(a["router_logits"], a["indices"], a["num_experts"])


def loss_gradient(api: Any, a: dict[str, Any]) -> Any:
    """d loss / d router_logits (None when the loss carries no gradient)."""
    logits = a["router_logits"].detach().requires_grad_()
    value = api.load_balancing_loss(logits, a["indices"], a["num_experts"])
    if not value.requires_grad:
        return None
    (grad,) = torch.autograd.grad(value, logits)
    return grad


def routed(*shape: int, k: int, dtype: str = "float32", scale: float = 1.0) -> Any:
    """Router logits of `shape` (..., E) and the indices of their top k experts."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        logits = randn(*shape, dtype=dtype, scale=scale).make(gen)
        return {"router_logits": logits, "indices": logits.topk(k, dim=-1).indices, "num_experts": shape[-1]}
    return make


def balanced(gen: torch.Generator) -> dict[str, Any]:
    """Uniform router, and 8 tokens x 2 slots spread evenly over 4 experts: the loss is exactly 1."""
    return {"router_logits": torch.zeros(8, 4), "indices": torch.arange(16).remainder(4).reshape(8, 2),
            "num_experts": 4}


def collapsed(gen: torch.Generator) -> dict[str, Any]:
    """Every token prefers expert 0 and is sent there: the loss approaches num_experts."""
    logits = randn(6, 4).make(gen)
    logits[:, 0] += 6.0
    return {"router_logits": logits, "indices": torch.zeros(6, 1, dtype=torch.int64), "num_experts": 4}


_LOSS = "loss = num_experts * sum_i f_i * P_i; perfectly balanced routing gives exactly 1.0"
OUTPUTS = out("result", "weights (one column per expert)", out("chosen experts", kind="set"))
CASES = [
    Case("example_top2", {"logits": randn(4, 6), "k": 2}, hidden=False),
    Case("top1", {"logits": randn(5, 8), "k": 1}, hint="with k = 1 the single weight is 1.0",
         hint_after=("example_top2",)),
    Case("3d_top2", {"logits": randn(2, 5, 8), "k": 2}),
    Case("top3_of_4", {"logits": randn(6, 4), "k": 3}),
    Case("all_experts", {"logits": randn(3, 5), "k": 5}, hint="with k = E the weights are the full softmax",
         hint_after=("example_top2",)),
    # Large but well separated (not 100 apart, where probabilities underflow to ties): exp(500) overflows.
    Case("large_logits", lambda gen: {"logits": randn(4, 8, scale=3.0).make(gen) + 500.0, "k": 2},
         hint="logits this large overflow exp(): use a max-subtracted (torch) softmax", hint_on="nonfinite"),
    Case("float64", {"logits": randn(5, 6, dtype="float64"), "k": 2}),
    Case("loss_balanced", balanced, run=loss, hint=_LOSS, hint_after=(), outputs="loss"),
    Case("loss_collapsed", collapsed, run=loss, hint=_LOSS, hint_after=("loss_balanced",), outputs="loss"),
    Case("loss_top2", routed(10, 6, k=2), run=loss,
         hint="f_i is the share of all tokens x k assignments sent to expert i (the f_i sum to 1)",
         hint_after=("loss_balanced",), outputs="loss"),
    Case("loss_3d_top1", routed(2, 5, 4, k=1), run=loss, hint="flatten the leading dimensions: every row is a token",
         hint_after=("loss_top2",), hint_on="any", outputs="loss"),
    Case("loss_float64", routed(7, 5, k=2, dtype="float64"), run=loss, outputs="loss"),
    Case("loss_gradient", routed(8, 4, k=2), run=loss_gradient,
         hint="the gradient reaches router_logits through P_i (softmax probabilities), not through the counts f_i",
         hint_after=("loss_top2",), hint_on="any", outputs="the gradient w.r.t. router_logits"),
]

_TOPK = "top, indices = torch.topk(logits, k, dim=-1)"
_P = "p = torch.softmax(logits, dim=-1).mean(dim=0)"
_RETURN = "return num_experts * (f * p).sum()"
BUGS = [
    Bug("topk_of_probs_unnormalised", "matches the top-k of the softmax over all experts without renormalising (as "
        "the Switch Transformer's top-1 router keeps the probability itself); here the k weights sum to 1 (a "
        "softmax over the k kept logits)",
        {_TOPK: "top, indices = torch.topk(torch.softmax(logits, dim=-1), k, dim=-1)",
         "weights = torch.softmax(top, dim=-1)": "weights = top"}),
    Bug("softmax_twice", "matches a softmax applied to probabilities (softmax, top-k, softmax again); take the "
        "softmax of the k largest logits",
        {_TOPK: "top, indices = torch.topk(torch.softmax(logits, dim=-1), k, dim=-1)"}),
    Bug("raw_logits_as_weights", "matches returning the raw top-k logits as weights; apply a softmax over them",
        {"weights = torch.softmax(top, dim=-1)": "weights = top"}),
    Bug("smallest_k", "matches routing to the k smallest logits; pick the k largest",
        {_TOPK: "top, indices = torch.topk(logits, k, dim=-1, largest=False)"}),
    Bug("f_per_token", "matches dividing the expert counts by the number of tokens, as the load-balancing loss of "
        "Hugging Face's Mixtral does (k times the Switch form for top-k routing); here f_i is the share of all token "
        "x k assignments, so the f_i sum to 1 and balanced routing gives 1.0",
        {"f = counts / flat.numel()": "f = counts / logits.shape[0]"}),
    Bug("float32_loss", "returns a float32 loss for float64 logits (router softmax and counts in float32, as "
        "Mixtral's router computes them); return the loss in router_logits' dtype",
        {_P: "p = torch.softmax(logits, dim=-1, dtype=torch.float32).mean(dim=0)",
         ".to(logits.dtype)": ".to(torch.float32)"}),
    Bug("P_from_logits", "matches P_i as the mean raw logit; P_i is the mean softmax probability of expert i",
        {_P: "p = logits.mean(dim=0)"}),
    Bug("P_detached", "the loss carries no gradient to router_logits: P_i must stay differentiable (only f_i is "
        "a constant)", {_P: _P + ".detach()"}),
    Bug("no_num_experts_factor", "matches leaving out the factor num_experts; with it, balanced routing gives 1.0",
        {_RETURN: "return (f * p).sum()"}),
    Bug("squared_importance", "matches a squared-importance loss (mean of squared summed probabilities); this task "
        "uses the Switch loss num_experts * sum_i f_i * P_i",
        {_RETURN: "return num_experts * (torch.softmax(logits, dim=-1).sum(dim=0) ** 2).mean()"}),
]
