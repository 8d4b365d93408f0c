# expect extra-failed: 2d_input, 4d_input, mask_per_batch
# The textbook module: x of shape (B, L, D), a mask of shape (L, L) shared by the batch and the heads. It passes;
# 2-D and 4-D inputs and a (B, L, L) mask are extra cases it need not handle.
import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        assert d_model % num_heads == 0
        self.h = num_heads
        self.d_k = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, mask=None, is_causal=False):
        B, L, D = x.shape
        q = self.q_proj(x).view(B, L, self.h, self.d_k).transpose(1, 2)
        k = self.k_proj(x).view(B, L, self.h, self.d_k).transpose(1, 2)
        v = self.v_proj(x).view(B, L, self.h, self.d_k).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(self.d_k)
        if is_causal:
            causal = torch.tril(torch.ones(L, L, dtype=torch.bool, device=x.device))
            scores = scores.masked_fill(~causal, float("-inf"))
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e9)
        attn = self.dropout(torch.softmax(scores, dim=-1))
        out = torch.matmul(attn, v).transpose(1, 2).contiguous().view(B, L, D)
        return self.o_proj(out)
