"""RMSNorm, by hand.

Fill in the class, then run `quizzer grade` on this file.
"""

import torch
from torch import nn


class RMSNorm(nn.Module):
    """Root-mean-square normalisation over the last dimension.

    weight: an nn.Parameter of shape (dim,), initialised to ones (the tests load other values into it).
    The tests call the module in eval mode (module.eval()).
    Forbidden: F.rms_norm, nn.RMSNorm.
    """

    def __init__(self, dim: int, eps: float = 1e-6) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """y = x / sqrt(mean(x**2 over the last dim) + eps) * weight.

        x: (..., dim), any number of leading dimensions. The result has x's shape and x's dtype, also
        when x is float16/bfloat16 and weight is float32. Do not modify x in place.
        """
        raise NotImplementedError
