"""Reference solution: multi-head self-attention."""

import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Self-attention with num_heads heads over x (..., L, d_model)."""

    def __init__(self, d_model: int, num_heads: int) -> None:
        super().__init__()
        if d_model % num_heads:
            raise ValueError("d_model must be divisible by num_heads")
        self.num_heads = num_heads
        self.d_head = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def _split(self, t: torch.Tensor) -> torch.Tensor:
        # (..., L, d_model) -> (..., L, H, d_head) -> (..., H, L, d_head)
        return t.unflatten(-1, (self.num_heads, self.d_head)).transpose(-3, -2)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None, is_causal: bool = False) -> torch.Tensor:
        """Attend every position to every (or every earlier) position, per head, then mix the heads."""
        q, k, v = self._split(self.q_proj(x)), self._split(self.k_proj(x)), self._split(self.v_proj(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)
        L = x.shape[-2]
        if is_causal:
            causal = torch.ones(L, L, dtype=torch.bool, device=x.device).tril()
            scores = scores.masked_fill(~causal, float("-inf"))
        if mask is not None:
            # The mask covers x's leading dimensions; every head shares it.
            scores = scores.masked_fill(~mask.unsqueeze(-3), float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        out = (weights @ v).transpose(-3, -2).flatten(-2)
        return self.o_proj(out)
