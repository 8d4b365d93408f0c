# expect hint: aligned bottom-right
# Hugging Face style repeat_kv (expand + reshape, the same as repeat_interleave on the head axis), with a causal mask
# built for decoding: the last query is the newest token and sees every key, so the diagonal sits bottom-right.
import math

import torch


def repeat_kv(hidden_states, n_rep):
    batch, num_key_value_heads, slen, head_dim = hidden_states.shape
    if n_rep == 1:
        return hidden_states
    hidden_states = hidden_states[:, :, None, :, :].expand(batch, num_key_value_heads, n_rep, slen, head_dim)
    return hidden_states.reshape(batch, num_key_value_heads * n_rep, slen, head_dim)


def grouped_query_attention(q, k, v, is_causal=False):
    n_rep = q.shape[1] // k.shape[1]
    key_states, value_states = repeat_kv(k, n_rep), repeat_kv(v, n_rep)
    attn_weights = torch.matmul(q, key_states.transpose(2, 3)) / math.sqrt(q.shape[-1])
    if is_causal:
        q_len, kv_len = q.shape[-2], k.shape[-2]
        past = kv_len - q_len
        allowed = torch.arange(kv_len, device=q.device)[None, :] <= torch.arange(q_len, device=q.device)[:, None] + past
        attn_weights = attn_weights.masked_fill(~allowed, torch.finfo(attn_weights.dtype).min)
    attn_weights = torch.softmax(attn_weights, dim=-1, dtype=torch.float32).to(q.dtype)
    return torch.matmul(attn_weights, value_states)
