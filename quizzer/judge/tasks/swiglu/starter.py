"""The SwiGLU feed-forward block (LLaMA), by hand.

Fill in the class, then run `quizzer grade` on this file.
"""

import torch
from torch import nn


class SwiGLU(nn.Module):
    """y = w2(silu(w1 x) * w3 x), with silu(z) = z * sigmoid(z).

    Keep these attributes (the tests load weights into them by name), all without bias:
    w1 (gate): nn.Linear(d_model, d_ff, bias=False);
    w3 (up):   nn.Linear(d_model, d_ff, bias=False);
    w2 (down): nn.Linear(d_ff, d_model, bias=False).
    The tests call the module in eval mode (module.eval()).
    """

    def __init__(self, d_model: int, d_ff: int) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (..., d_model) -> (..., d_model), same dtype and device. Do not modify x in place."""
        raise NotImplementedError
