"""Mixture-of-experts routing: top-k gating and the load-balancing loss, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def top_k_gating(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Route each token to its k best experts.

    logits: (..., E) router logits, one row per token, any leading dimensions.
    Returns (weights, indices), both (..., k): indices are the experts with the k largest logits
    (int64), weights the softmax over those k logits (each row sums to 1), in logits' dtype. The order of
    the k slots is free, as long as weights and indices agree. Do not modify logits in place.
    """
    raise NotImplementedError


def load_balancing_loss(router_logits: torch.Tensor, indices: torch.Tensor, num_experts: int) -> torch.Tensor:
    """The Switch Transformer auxiliary loss num_experts * sum_i f_i * P_i.

    Returns a 0-dim tensor in router_logits' dtype.

    router_logits: (..., E), one row per token; indices: (..., k), the experts each token was sent to.
    f_i: the share of all (token, slot) assignments that went to expert i (the f_i sum to 1);
    P_i: the mean over tokens of the softmax probability of expert i.
    Perfectly balanced routing gives 1.0. The loss must be differentiable w.r.t. router_logits.
    """
    raise NotImplementedError
