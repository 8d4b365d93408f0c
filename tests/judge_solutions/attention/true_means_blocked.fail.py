# expect hint: the convention of nn.MultiheadAttention's boolean attn_mask
# A mask read the way nn.MultiheadAttention reads a boolean attn_mask: True marks a position that may NOT be attended.
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if is_causal:
        future = torch.ones(scores.shape[-2:], dtype=torch.bool, device=q.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    if mask is not None:
        scores = scores.masked_fill(mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
