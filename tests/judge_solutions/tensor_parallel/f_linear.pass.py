import torch
import torch.nn.functional as F

def column_parallel_linear(x, weight_shards, bias_shards):
    return torch.cat([F.linear(x, w, b) for w, b in zip(weight_shards, bias_shards)], dim=-1)

def row_parallel_linear(x_shards, weight_shards, bias):
    return torch.stack([F.linear(x, w) for x, w in zip(x_shards, weight_shards)]).sum(dim=0) + bias
