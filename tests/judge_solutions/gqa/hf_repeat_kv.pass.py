# expect note: a softmax computed in float32
# Hugging Face style repeat_kv with a top-left causal mask and the softmax in float32 (cast back to q's dtype).
import math

import torch


def repeat_kv(hidden_states, n_rep):
    batch, heads, slen, head_dim = hidden_states.shape
    expanded = hidden_states[:, :, None, :, :].expand(batch, heads, n_rep, slen, head_dim)
    return expanded.reshape(batch, heads * n_rep, slen, head_dim)


def grouped_query_attention(q, k, v, is_causal=False):
    n_rep = q.shape[1] // k.shape[1]
    scores = torch.matmul(q, repeat_kv(k, n_rep).transpose(2, 3)) / math.sqrt(q.shape[-1])
    if is_causal:
        future = torch.ones(scores.shape[-2:], dtype=torch.bool, device=q.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    weights = torch.softmax(scores, dim=-1, dtype=torch.float32).to(q.dtype)
    return torch.matmul(weights, repeat_kv(v, n_rep))
