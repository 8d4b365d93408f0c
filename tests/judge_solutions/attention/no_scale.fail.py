# expect diagnosis: no_scale
# expect shown: diagnosis: your output matches attention without the 1/sqrt(d_k) scale (11 failing cases
# expect shown: fix: divide q @ k^T by math.sqrt(q.shape[-1]) before the softmax
# A careful attention that forgot the scale: named once, for the whole file.
import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = q @ k.transpose(-2, -1)
    if is_causal:
        L, S = scores.shape[-2:]
        scores = scores.masked_fill(torch.ones(L, S, dtype=torch.bool, device=q.device).triu(1), float("-inf"))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
