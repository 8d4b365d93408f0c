# expect hint: matches the Annotated Transformer's LayerNorm
# The Annotated Transformer's layer norm: a_2 * (x - mean) / (std + eps) + b_2, with torch's default (unbiased) std.
import torch
from torch import nn


class LayerNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.a_2 = nn.Parameter(torch.ones(dim))
        self.b_2 = nn.Parameter(torch.zeros(dim))
        self.weight, self.bias = self.a_2, self.b_2
        self.eps = eps

    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        std = x.std(-1, keepdim=True)
        return self.a_2 * (x - mean) / (std + self.eps) + self.b_2
