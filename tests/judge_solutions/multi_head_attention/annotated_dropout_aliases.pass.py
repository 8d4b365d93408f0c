# The Annotated Transformer's multi-headed attention: four linears kept in a list, dropout on the attention
# weights (off in eval mode), and the contract's names as aliases of the list's layers.
import copy
import math

import torch
from torch import nn


def attention(query, key, value, mask=None, dropout=None):
    scores = torch.matmul(query, key.transpose(-2, -1)) / math.sqrt(query.size(-1))
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p_attn = scores.softmax(dim=-1)
    if dropout is not None:
        p_attn = dropout(p_attn)
    return torch.matmul(p_attn, value)


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, dropout=0.1):
        super().__init__()
        self.d_k = d_model // num_heads
        self.h = num_heads
        self.linears = nn.ModuleList([copy.deepcopy(nn.Linear(d_model, d_model)) for _ in range(4)])
        self.q_proj, self.k_proj, self.v_proj, self.o_proj = self.linears
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, x, mask=None, is_causal=False):
        L = x.shape[-2]
        keep = torch.ones(L, L, dtype=torch.bool, device=x.device)
        if is_causal:
            keep = keep.tril()
        if mask is not None:
            keep = keep & mask
        q, k, v = [lin(x).unflatten(-1, (self.h, self.d_k)).transpose(-3, -2) for lin in self.linears[:3]]
        out = attention(q, k, v, mask=keep.unsqueeze(-3), dropout=self.dropout)
        return self.linears[3](out.transpose(-3, -2).flatten(-2))
