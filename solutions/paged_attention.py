"""Reference solution: decode-time attention through a block table over a paged key/value cache."""

import math

import torch


def paged_attention(q: torch.Tensor, k_cache: torch.Tensor, v_cache: torch.Tensor, block_tables: torch.Tensor,
                    seq_lens: torch.Tensor) -> torch.Tensor:
    """q (B, H, D) attends to its sequence's first seq_lens[b] cached tokens; returns (B, H, D)."""
    block_size, h_kv, d = k_cache.shape[1], k_cache.shape[2], k_cache.shape[3]
    group = q.shape[1] // h_kv
    positions = torch.arange(block_tables.shape[1] * block_size, device=q.device)  # every slot a table can name
    # Token t of sequence b lives in block block_tables[b, t // block_size], at slot t % block_size.
    blocks = block_tables[:, positions // block_size]  # (B, T)
    slots = positions % block_size  # (T,)
    keys = k_cache[blocks, slots]  # (B, T, H_kv, D)
    values = v_cache[blocks, slots]
    # Query head h reads kv head h // group: consecutive query heads share one kv head.
    keys = keys.repeat_interleave(group, dim=2)  # (B, T, H, D)
    values = values.repeat_interleave(group, dim=2)
    scores = torch.einsum("bhd,bthd->bht", q, keys) / math.sqrt(d)
    # Slots past the sequence's length (the rest of its last block, padding blocks) hold other data.
    valid = positions[None, :] < seq_lens[:, None]  # (B, T)
    scores = scores.masked_fill(~valid[:, None, :], float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return torch.einsum("bht,bthd->bhd", weights, values)
