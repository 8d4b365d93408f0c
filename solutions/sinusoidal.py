"""Reference solution: the fixed sinusoidal position encoding of "Attention Is All You Need"."""

from __future__ import annotations

import math

import torch


def sinusoidal_positions(max_len: int, d_model: int) -> torch.Tensor:
    """A (max_len, d_model) float32 table: sin on even columns, cos on odd ones, sharing a frequency per pair."""
    # Computed in float64 and rounded once: pos * freq in float32 is off by ~1e-4 for positions in the thousands.
    pos = torch.arange(max_len, dtype=torch.float64)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    freq = torch.exp(-math.log(10000.0) * two_i / d_model)  # 1 / 10000 ** (2i / d)
    angles = pos * freq  # (max_len, ceil(d_model / 2))
    pe = torch.empty(max_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)
    # An odd d_model has one sine column more than cosine columns.
    pe[:, 1::2] = torch.cos(angles[:, : d_model // 2])
    return pe.to(torch.float32)
