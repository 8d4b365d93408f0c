"""Megatron-style tensor-parallel linear layers, simulated in one process, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def column_parallel_linear(x: torch.Tensor, weight_shards: list[torch.Tensor],
                           bias_shards: list[torch.Tensor]) -> torch.Tensor:
    """The full output of a linear layer whose weight is split along its OUTPUT features.

    x: (..., in). weight_shards[i]: (out_i, in), nn.Linear layout; bias_shards[i]: (out_i,).
    Each shard computes its slice of the output features; the slices are concatenated in order along the
    last dimension: returns (..., sum(out_i)) with x's dtype and device.
    Do not modify the inputs in place.
    """
    raise NotImplementedError


def row_parallel_linear(x_shards: list[torch.Tensor], weight_shards: list[torch.Tensor],
                        bias: torch.Tensor) -> torch.Tensor:
    """The full output of a linear layer whose weight is split along its INPUT features.

    x_shards[i]: (..., in_i), the matching slice of the input's last dimension; weight_shards[i]:
    (out, in_i); bias: (out,). The partial outputs are summed (the all-reduce) and the bias is added
    once: returns (..., out) with the inputs' dtype and device.
    Do not modify the inputs in place.
    """
    raise NotImplementedError
