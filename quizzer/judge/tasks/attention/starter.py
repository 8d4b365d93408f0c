"""Scaled dot-product attention, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def scaled_dot_product_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor | None = None,
                                 is_causal: bool = False) -> torch.Tensor:
    """Return softmax(q @ k^T / sqrt(d)) @ v.

    q: (..., L, d), k: (..., S, d), v: (..., S, dv); any number of leading dimensions.
    Returns (..., L, dv) with q's dtype and device.
    mask: optional bool tensor broadcastable to (..., L, S); True means "may attend".
    is_causal: query i may attend to key j only when j <= i (top-left aligned, like
        torch.nn.functional.scaled_dot_product_attention), also when L != S.
    Forbidden: F.scaled_dot_product_attention, nn.MultiheadAttention, F.multi_head_attention_forward.
    Do not modify the inputs in place.
    """
    raise NotImplementedError
