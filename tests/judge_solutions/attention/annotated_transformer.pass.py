# The Annotated Transformer's attention: a 0/1 mask compared with 0 and a large negative fill instead of -inf.
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    d_k = q.size(-1)
    scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d_k)
    if is_causal:
        subsequent = torch.triu(torch.ones(scores.shape[-2:], device=q.device), diagonal=1) == 0
        scores = scores.masked_fill(subsequent == 0, -1e9)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p_attn = scores.softmax(dim=-1)
    return torch.matmul(p_attn, v)
