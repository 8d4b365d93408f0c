# expect message: RMSNorm.weight is a plain tensor, not an nn.Parameter
# weight is a plain tensor attribute: the tests cannot load weights into it, and say so.
import torch
from torch import nn


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = torch.ones(dim)

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight
