# expect hint: aligned bottom-right (query i sees keys j <= i + S - L), the FlashAttention library's
# FlashAttention-2 style loop: per query tile, a running max and sum, scaling by the final sum once at the end; the
# causal diagonal is aligned bottom-right, as the flash-attn library does since 2.1 (the last query sees every key).
import math

import torch


def flash_attention(q, k, v, block_size=64, is_causal=False):
    L, S, d = q.shape[-2], k.shape[-2], q.shape[-1]
    softmax_scale = 1.0 / math.sqrt(d)
    offset = S - L
    out = []
    for start_m in range(0, L, block_size):
        q_blk = q[..., start_m:start_m + block_size, :]
        rows = q_blk.shape[-2]
        m_i = torch.full((*q_blk.shape[:-1], 1), -float("inf"), dtype=q.dtype, device=q.device)
        l_i = torch.zeros_like(m_i)
        acc = torch.zeros(*q_blk.shape[:-1], v.shape[-1], dtype=q.dtype, device=q.device)
        for start_n in range(0, S, block_size):
            qk = (q_blk @ k[..., start_n:start_n + block_size, :].transpose(-1, -2)) * softmax_scale
            if is_causal:
                rows_idx = torch.arange(start_m, start_m + rows, device=q.device)[:, None]
                cols_idx = torch.arange(start_n, start_n + qk.shape[-1], device=q.device)[None, :]
                qk = qk.masked_fill(cols_idx > rows_idx + offset, -float("inf"))
            m_ij = torch.maximum(m_i, qk.amax(-1, keepdim=True))
            safe = torch.where(torch.isinf(m_ij), torch.zeros_like(m_ij), m_ij)
            p = torch.exp(qk - safe)
            alpha = torch.exp(m_i - safe)
            l_i = l_i * alpha + p.sum(-1, keepdim=True)
            acc = acc * alpha + p @ v[..., start_n:start_n + block_size, :]
            m_i = m_ij
        out.append(acc / l_i.clamp_min(1e-30))
    return torch.cat(out, dim=-2)
