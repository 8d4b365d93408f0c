# expect hint: always causal, as minGPT's CausalSelfAttention
# minGPT style: a lower-triangular mask registered once as a buffer and applied on every call, dropout on the
# attention weights and the output; is_causal is accepted but changes nothing.
import math

import torch
from torch import nn
from torch.nn import functional as F


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, block_size=128, dropout=0.1):
        super().__init__()
        assert d_model % num_heads == 0
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)
        self.attn_drop = nn.Dropout(dropout)
        self.resid_drop = nn.Dropout(dropout)
        self.register_buffer("bias", torch.tril(torch.ones(block_size, block_size)).view(1, 1, block_size, block_size))
        self.n_head = num_heads

    def forward(self, x, mask=None, is_causal=False):
        squeeze = x.dim() == 2
        if squeeze:
            x = x.unsqueeze(0)
        *lead, T, C = x.size()
        x = x.reshape(-1, T, C)
        B = x.size(0)
        q = self.q_proj(x).view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        k = self.k_proj(x).view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = self.v_proj(x).view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf"))
        if mask is not None:
            att = att.masked_fill(~mask.reshape(-1, 1, *mask.shape[-2:]), float("-inf"))
        att = self.attn_drop(F.softmax(att, dim=-1))
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        y = self.resid_drop(self.o_proj(y)).reshape(*lead, T, C)
        return y.squeeze(0) if squeeze else y
