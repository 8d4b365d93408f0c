# A parameter registered under one name and exposed under the contract's name as well (an alias, not a copy):
# the judge must load weights into it through either name.
import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        self.h = num_heads
        self.query = nn.Linear(d_model, d_model)
        self.key = nn.Linear(d_model, d_model)
        self.value = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, d_model)
        self.q_proj, self.k_proj, self.v_proj, self.o_proj = self.query, self.key, self.value, self.out

    def forward(self, x, mask=None, is_causal=False):
        q, k, v = (p(x).unflatten(-1, (self.h, -1)).transpose(-3, -2) for p in (self.query, self.key, self.value))
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        L = x.shape[-2]
        if is_causal:
            scores = scores.masked_fill(torch.ones(L, L, dtype=torch.bool, device=x.device).triu(1), float("-inf"))
        if mask is not None:
            scores = scores.masked_fill(~mask.unsqueeze(-3), float("-inf"))
        return self.out((scores.softmax(-1) @ v).transpose(-3, -2).flatten(-2))
