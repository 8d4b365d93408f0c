"""Reference solution: FlashAttention forward, tile by tile with an online softmax."""

import math

import torch


def flash_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, block_size: int = 64,
                    is_causal: bool = False) -> torch.Tensor:
    """softmax(q @ k^T / sqrt(d)) @ v without ever holding more than a block_size x block_size score tile."""
    L, S = q.shape[-2], k.shape[-2]
    scale = 1.0 / math.sqrt(q.shape[-1])
    rows = []
    for i in range(0, L, block_size):
        qi = q[..., i:i + block_size, :] * scale
        bq = qi.shape[-2]
        m = qi.new_full((*qi.shape[:-1], 1), float("-inf"))  # running row max
        l = qi.new_zeros((*qi.shape[:-1], 1))  # running softmax denominator
        acc = qi.new_zeros((*qi.shape[:-1], v.shape[-1]))  # running numerator @ v
        for j in range(0, S, block_size):
            if is_causal and j > i + bq - 1:
                break  # every key of this block is in the future of every query of the tile
            s = qi @ k[..., j:j + block_size, :].transpose(-2, -1)
            if is_causal:
                q_pos = torch.arange(i, i + bq, device=q.device)[:, None]
                k_pos = torch.arange(j, j + s.shape[-1], device=q.device)[None, :]
                s = s.masked_fill(k_pos > q_pos, float("-inf"))
            m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
            p = torch.exp(s - m_new)
            alpha = torch.exp(m - m_new)  # rescales what was accumulated under the old max
            l = alpha * l + p.sum(dim=-1, keepdim=True)
            acc = alpha * acc + p @ v[..., j:j + block_size, :]
            m = m_new
        rows.append(acc / l)
    return torch.cat(rows, dim=-2)
