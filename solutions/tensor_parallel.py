"""Reference solution: Megatron-style column- and row-parallel linear layers, simulated in one process."""

import torch


def column_parallel_linear(x: torch.Tensor, weight_shards: list[torch.Tensor],
                           bias_shards: list[torch.Tensor]) -> torch.Tensor:
    """Each shard holds some output features ((out_i, in), nn.Linear layout); concatenate the outputs."""
    outs = []
    for w, b in zip(weight_shards, bias_shards):
        y = x @ w.transpose(-2, -1)  # nn.Linear stores (out, in): each shard computes x @ W_i^T
        y = y + b  # each shard owns the bias of its own output features
        outs.append(y)
    # The all-gather: output features come back in shard order along the last dimension.
    return torch.cat(outs, dim=-1)


def row_parallel_linear(x_shards: list[torch.Tensor], weight_shards: list[torch.Tensor],
                        bias: torch.Tensor) -> torch.Tensor:
    """Each shard holds some input features ((out, in_i)); sum the partial outputs, add the bias once."""
    total = None
    for xi, w in zip(x_shards, weight_shards):
        partial = xi @ w.transpose(-2, -1)
        total = partial if total is None else total + partial  # the all-reduce (a sum)
    # Added after the reduction: inside the loop it would be added once per shard.
    return total + bias
