"""Reference solution: grouped-query attention (several query heads share one key/value head)."""

from __future__ import annotations

import math

import torch


def grouped_query_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                            is_causal: bool = False) -> torch.Tensor:
    """q (B, Hq, L, d), k and v (B, Hkv, S, d); query head h reads kv head h // (Hq // Hkv)."""
    hq, hkv = q.shape[1], k.shape[1]
    group = hq // hkv
    # Consecutive query heads form a group: repeat_interleave gives kv order 0,0,..,1,1,..
    # (repeat/tile would give 0,1,..,0,1,.. and pair heads with the wrong keys).
    k = k.repeat_interleave(group, dim=1)
    v = v.repeat_interleave(group, dim=1)
    scores = (q @ k.transpose(-2, -1)) / math.sqrt(q.shape[-1])  # (B, Hq, L, S)
    if is_causal:
        # Top-left alignment, as torch's scaled_dot_product_attention: query i sees keys j <= i.
        n_q, n_k = q.shape[-2], k.shape[-2]
        future = torch.ones(n_q, n_k, dtype=torch.bool, device=q.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
