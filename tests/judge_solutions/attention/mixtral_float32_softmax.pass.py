# expect note: a softmax computed in float32
# Mixtral's eager attention in the style of Hugging Face transformers: the softmax always runs in float32 and
# its weights are cast back to the query's dtype before multiplying the values.
import math

import torch
import torch.nn.functional as F


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    attn = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    L, S = attn.shape[-2:]
    if is_causal:
        keep = torch.ones(L, S, dtype=torch.bool, device=q.device).tril()
        attn = attn.masked_fill(~keep, torch.finfo(attn.dtype).min)
    if mask is not None:
        attn = attn.masked_fill(~mask, torch.finfo(attn.dtype).min)
    weights = F.softmax(attn, dim=-1, dtype=torch.float32).to(q.dtype)
    return torch.matmul(weights, v)
