"""LayerNorm, by hand.

Fill in the class, then run `quizzer grade` on this file.
"""

import torch
from torch import nn


class LayerNorm(nn.Module):
    """Layer normalisation over the last dimension, with a learned scale and shift.

    weight: an nn.Parameter of shape (dim,), initialised to ones;
    bias: an nn.Parameter of shape (dim,), initialised to zeros
    (the tests load other values into both).
    The tests call the module in eval mode (module.eval()).
    Forbidden: F.layer_norm, nn.LayerNorm.
    """

    def __init__(self, dim: int, eps: float = 1e-5) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """y = (x - mean) / sqrt(var + eps) * weight + bias.

        mean and var are over the last dimension; var is the biased (population) variance, dividing
        by dim. x: (..., dim), any number of leading dimensions. The result has x's shape, dtype and
        device. Do not modify x in place.
        """
        raise NotImplementedError
