"""Grouped-query attention (GQA), by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def grouped_query_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                            is_causal: bool = False) -> torch.Tensor:
    """Attention where groups of query heads share one key/value head.

    q: (B, Hq, L, d); k, v: (B, Hkv, S, d); Hq % Hkv == 0. Query head h uses kv head h // (Hq // Hkv)
    (heads 0 .. Hq/Hkv - 1 share kv head 0, and so on). Per head: softmax(q @ k^T / sqrt(d)) @ v.
    is_causal: query i attends to key j only when j <= i (top-left aligned, like
        torch.nn.functional.scaled_dot_product_attention), also when L != S.
    Returns (B, Hq, L, d) with q's dtype and device.
    Allowed: repeat_interleave. Forbidden: F.scaled_dot_product_attention, nn.MultiheadAttention,
    F.multi_head_attention_forward. Do not modify the inputs in place.
    """
    raise NotImplementedError
