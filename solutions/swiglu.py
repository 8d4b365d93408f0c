"""Reference solution: the SwiGLU feed-forward block of LLaMA-style transformers."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class SwiGLU(nn.Module):
    """`w2(silu(w1 x) * w3 x)`: a SiLU-activated gate multiplies a linear "up" projection."""

    def __init__(self, d_model: int, d_ff: int) -> None:
        super().__init__()
        # No biases, as in LLaMA; w1 is the gate, w3 the up projection, w2 projects back down.
        self.w1 = nn.Linear(d_model, d_ff, bias=False)
        self.w3 = nn.Linear(d_model, d_ff, bias=False)
        self.w2 = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # silu(z) = z * sigmoid(z); only the gate branch is activated, the up branch stays linear.
        return self.w2(F.silu(self.w1(x)) * self.w3(x))
