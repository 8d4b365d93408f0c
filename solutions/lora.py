"""Reference solution: a LoRA adapter around a frozen nn.Linear, with merge."""

from __future__ import annotations

import math

import torch
from torch import nn


class LoRALinear(nn.Module):
    """`base(x) + (alpha / r) * x @ A.T @ B.T`, where only A and B are trained."""

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0) -> None:
        super().__init__()
        self.base = base
        # The pretrained weights stay fixed; only the low-rank update learns.
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        w = base.weight
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features, dtype=w.dtype, device=w.device))
        # A random, B zero: the update B @ A starts at zero (training starts from the base model), yet B
        # receives a gradient through A from the first step. Both zero would leave both stuck at zero.
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype, device=w.device))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Going through the rank-r bottleneck costs O(r (in + out)) per token instead of forming B @ A.
        return self.base(x) + self.scaling * ((x @ self.lora_A.T) @ self.lora_B.T)

    @torch.no_grad()
    def merge(self) -> nn.Linear:
        """A new nn.Linear computing the same function; the adapter itself is left untouched."""
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None,
                           device=base.weight.device, dtype=base.weight.dtype)
        # nn.Linear stores weight as (out, in), and B @ A is (out, r) @ (r, in).
        merged.weight.copy_(base.weight + self.scaling * (self.lora_B @ self.lora_A))
        if base.bias is not None:
            merged.bias.copy_(base.bias)
        return merged
