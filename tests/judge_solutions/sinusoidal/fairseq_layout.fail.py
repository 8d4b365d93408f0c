# expect hint: matches fairseq's (and tensor2tensor's) table
# fairseq style: half the columns are sines, the other half cosines, with log-spaced frequencies over d/2 - 1 steps.
import math

import torch


def sinusoidal_positions(max_len, d_model):
    half_dim = d_model // 2
    emb = math.log(10000) / (half_dim - 1)
    emb = torch.exp(torch.arange(half_dim, dtype=torch.float) * -emb)
    emb = torch.arange(max_len, dtype=torch.float).unsqueeze(1) * emb.unsqueeze(0)
    return torch.cat([torch.sin(emb), torch.cos(emb)], dim=1).view(max_len, -1)
