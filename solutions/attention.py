"""Reference solution: scaled dot-product attention."""

import math

import torch


def scaled_dot_product_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                                 is_causal: bool = False) -> torch.Tensor:
    """softmax(q @ k^T / sqrt(d) + masks) @ v over the last two dimensions."""
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    L, S = scores.shape[-2], scores.shape[-1]
    if is_causal:
        # Top-left aligned, as in F.scaled_dot_product_attention: query i sees keys j <= i.
        causal = torch.ones(L, S, dtype=torch.bool, device=q.device).tril()
        scores = scores.masked_fill(~causal, float("-inf"))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v
