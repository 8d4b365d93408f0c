"""Reference solution: top-k gradient sparsification and its dense reconstruction."""

import torch


def topk_compress(grad: torch.Tensor, ratio: float) -> tuple[torch.Tensor, torch.Tensor]:
    """(values, indices) of the max(1, int(numel * ratio)) largest-magnitude entries of the flattened grad."""
    flat = grad.reshape(-1)
    k = max(1, int(flat.numel() * ratio))
    # Rank by magnitude, but read the values from the signed gradient: |g| would lose the signs.
    indices = flat.abs().topk(k).indices
    return flat[indices], indices


def topk_decompress(values: torch.Tensor, indices: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """A dense tensor of `shape`, holding `values` at the flat `indices` and zeros elsewhere."""
    numel = 1
    for n in shape:
        numel *= n
    dense = values.new_zeros(numel)  # values' dtype and device, not a default float32 CPU tensor
    return dense.scatter(0, indices, values).reshape(shape)
