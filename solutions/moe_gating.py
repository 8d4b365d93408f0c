"""Reference solution: top-k expert routing and the Switch-style load-balancing loss."""

from __future__ import annotations

import torch


def top_k_gating(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The k best experts of each row, and their weights: a softmax over those k logits only."""
    top, indices = torch.topk(logits, k, dim=-1)
    # Renormalising among the chosen experts makes every row's weights sum to 1. (The same as a softmax
    # over all experts, then top-k, then dividing by the kept probability mass.)
    weights = torch.softmax(top, dim=-1)
    return weights, indices


def load_balancing_loss(router_logits: torch.Tensor, indices: torch.Tensor, num_experts: int) -> torch.Tensor:
    """`num_experts * sum_i f_i * P_i`: 1.0 when routing is perfectly balanced, larger when it is skewed."""
    logits = router_logits.reshape(-1, router_logits.shape[-1])  # (tokens, experts)
    # f_i: the share of all (token, slot) assignments that went to expert i. Counts carry no gradient.
    flat = indices.reshape(-1)
    counts = torch.bincount(flat, minlength=num_experts).to(logits.dtype)
    f = counts / flat.numel()
    # P_i: expert i's mean router probability over tokens; the gradient flows through this term.
    p = torch.softmax(logits, dim=-1).mean(dim=0)
    return num_experts * (f * p).sum()
