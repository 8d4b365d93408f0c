"""Multi-head self-attention, by hand.

Fill in the class, then run `quizzer grade` on this file.
"""

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Multi-head self-attention.

    Keep these four attributes (the tests load weights into them by name):
    q_proj, k_proj, v_proj, o_proj = nn.Linear(d_model, d_model) each, with bias.
    d_model % num_heads == 0; head h uses features [h * d_head, (h + 1) * d_head) of each projection.
    The tests call the module in eval mode (module.eval()): dropout, if you add any, is off.
    """

    def __init__(self, d_model: int, num_heads: int) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None, is_causal: bool = False) -> torch.Tensor:
        """x: (..., L, d_model) -> (..., L, d_model), same dtype and device.

        Per head: softmax(q @ k^T / sqrt(d_head)) @ v, then the heads are concatenated in order and
        passed through o_proj.
        mask: optional bool tensor broadcastable to (..., L, L) over x's leading dimensions, shared by
            every head; True means "may attend".
        is_causal: position i attends only to positions j <= i.
        Forbidden: F.scaled_dot_product_attention, nn.MultiheadAttention, F.multi_head_attention_forward.
        """
        raise NotImplementedError
