"""Reference solution: RMSNorm."""

import torch
from torch import nn


class RMSNorm(nn.Module):
    """y = x / sqrt(mean(x**2, -1) + eps) * weight, with weight initialised to ones."""

    def __init__(self, dim: int, eps: float = 1e-6) -> None:
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Normalise over the last dimension; the result has x's dtype."""
        # Half-precision inputs are normalised in float32 (as Llama does) and cast back at the end.
        xf = x.float() if x.dtype in (torch.float16, torch.bfloat16) else x
        ms = xf.pow(2).mean(dim=-1, keepdim=True)
        y = xf * torch.rsqrt(ms + self.eps)
        return (y * self.weight).to(x.dtype)
