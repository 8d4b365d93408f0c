"""Reference solution: ALiBi head slopes and the linear distance bias added to attention scores."""

from __future__ import annotations

import math

import torch


def _power_of_two_slopes(n: int) -> list[float]:
    """The geometric sequence 2^(-8/n), 2^(-16/n), ..., 2^(-8)."""
    return [2.0 ** (-8.0 * (h + 1) / n) for h in range(n)]


def alibi_slopes(num_heads: int) -> torch.Tensor:
    """One slope per head (float32, shape (num_heads,)), following the ALiBi paper's rule."""
    if num_heads & (num_heads - 1) == 0:
        return torch.tensor(_power_of_two_slopes(num_heads), dtype=torch.float32)
    # Otherwise: the slopes of the nearest smaller power of two, then every other slope of the
    # next power of two (they interleave with the first set) until there are num_heads.
    lower = 2 ** math.floor(math.log2(num_heads))
    extra = _power_of_two_slopes(2 * lower)[0::2][: num_heads - lower]
    return torch.tensor(_power_of_two_slopes(lower) + extra, dtype=torch.float32)


def alibi_bias(num_heads: int, seq_len: int) -> torch.Tensor:
    """(num_heads, seq_len, seq_len) bias: -slope_h * (i - j), a penalty growing with distance to the past."""
    pos = torch.arange(seq_len)
    distance = (pos[:, None] - pos[None, :]).to(torch.float32)  # i - j, >= 0 below the diagonal
    # Future positions (j > i) get a positive value here; the caller's causal mask removes them.
    return -alibi_slopes(num_heads)[:, None, None] * distance
