"""Top-k gradient compression, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def topk_compress(grad: torch.Tensor, ratio: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (values, indices) of the k = max(1, int(grad.numel() * ratio)) entries of largest magnitude.

    indices: int64 positions in the flattened grad (grad.reshape(-1)); values: the entries there, WITH
    their signs, in grad's dtype and device. Both have shape (k,), in any order (matching each other).
    Do not modify the inputs in place.
    """
    raise NotImplementedError


def topk_decompress(values: torch.Tensor, indices: torch.Tensor, shape: tuple[int, ...]) -> torch.Tensor:
    """Return a dense tensor of `shape` holding values at the flat indices and 0 elsewhere.

    The result has values' dtype and device. Do not modify the inputs in place.
    """
    raise NotImplementedError
