"""LoRA (low-rank adaptation) of a linear layer, by hand.

Fill in the class, then run `quizzer grade` on this file.
"""

import torch
from torch import nn


class LoRALinear(nn.Module):
    """A frozen nn.Linear plus a trainable low-rank update: base(x) + (alpha / r) * x @ A.T @ B.T.

    Keep these attributes (the tests load weights into lora_A and lora_B by name):
    base: the nn.Linear passed in, frozen (requires_grad=False on its weight and bias);
    lora_A: nn.Parameter of shape (r, in_features), initialised non-zero (e.g. Kaiming uniform);
    lora_B: nn.Parameter of shape (out_features, r), initialised to zero;
    scaling = alpha / r.
    The tests call the module in eval mode (module.eval()), except one check of the gradients after a
    backward pass, which runs in training mode (module.train()).
    Forbidden: anything from peft.
    """

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0) -> None:
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (..., in_features) -> (..., out_features), same dtype and device. Do not modify x in place."""
        raise NotImplementedError

    def merge(self) -> nn.Linear:
        """A new nn.Linear (bias kept) computing the same function as this adapter.

        Leave the adapter itself (and its base layer) unchanged.
        """
        raise NotImplementedError
