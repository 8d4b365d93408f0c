"""Reference solution: LayerNorm over the last dimension, with a learned scale and shift."""

from __future__ import annotations

import torch
from torch import nn


class LayerNorm(nn.Module):
    """`(x - mean) / sqrt(var + eps) * weight + bias`, statistics over the last dimension."""

    def __init__(self, dim: int, eps: float = 1e-5) -> None:
        super().__init__()
        self.eps = eps
        # Identity at initialisation: scale ones, shift zeros.
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Normalise each row over the last dimension; the result has x's shape and dtype."""
        mean = x.mean(dim=-1, keepdim=True)
        centred = x - mean
        # Biased (population) variance, as in the paper and torch: divide by D, not D - 1. Averaging the
        # centred squares (two passes) stays accurate when |mean| >> std, unlike mean(x**2) - mean**2.
        var = (centred * centred).mean(dim=-1, keepdim=True)
        # eps inside the square root keeps the division finite for a constant row.
        y = centred * torch.rsqrt(var + self.eps)
        return (y * self.weight + self.bias).to(x.dtype)
