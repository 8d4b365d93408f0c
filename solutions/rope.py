"""Reference solution: rotary position embedding, rotate-half (GPT-NeoX / LLaMA-HF) layout."""

from __future__ import annotations

import torch


def apply_rope(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Rotate each pair (x[..., i], x[..., i + D/2]) of the row at position p by the angle p * theta_i."""
    d = x.shape[-1]
    half = d // 2
    # Angles in at least float32, and in float64 for float64 inputs: p * theta loses digits as p grows.
    work = torch.promote_types(x.dtype, torch.float32)
    theta = base ** (-2.0 * torch.arange(half, device=x.device, dtype=work) / d)
    angles = positions.to(device=x.device, dtype=work)[:, None] * theta[None, :]  # (L, D/2)
    cos, sin = angles.cos(), angles.sin()
    x1 = x[..., :half].to(work)
    x2 = x[..., half:].to(work)
    # A 2-D rotation of every pair (x1, x2); the (L, D/2) angles broadcast over the leading dimensions.
    out = torch.cat((x1 * cos - x2 * sin, x2 * cos + x1 * sin), dim=-1)
    return out.to(x.dtype)
