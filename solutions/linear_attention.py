"""Reference solution: non-causal linear attention with the elu(x) + 1 feature map."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def linear_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """q (..., L, d), k (..., S, d), v (..., S, dv) -> (..., L, dv) in O((L + S) d dv), never forming (L, S)."""
    # elu + 1 is positive everywhere, so every implicit weight phi(q_i)·phi(k_j) is positive.
    phi_q = F.elu(q) + 1
    phi_k = F.elu(k) + 1
    # Associativity: (phi(Q) phi(K)^T) V == phi(Q) (phi(K)^T V), and phi(K)^T V is only (d, dv).
    kv = phi_k.transpose(-2, -1) @ v  # (..., d, dv) = sum_j phi(k_j)^T v_j
    k_sum = phi_k.sum(dim=-2)  # (..., d) = sum_j phi(k_j)
    # The normaliser is per query, phi(q_i)·sum_j phi(k_j): the row sum of the implicit weight matrix.
    denom = phi_q @ k_sum.unsqueeze(-1)  # (..., L, 1)
    return (phi_q @ kv) / denom
