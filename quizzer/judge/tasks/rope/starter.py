"""Rotary position embedding (RoPE), by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def apply_rope(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Rotate the features of each row of x by angles proportional to its position.

    x: (..., L, D), D even, any number of leading dimensions; positions: (L,) integers, the absolute
    position of each row (not necessarily 0 .. L-1).
    Rotate-half convention (GPT-NeoX / Hugging Face LLaMA): dimension i pairs with i + D/2, and the pair
    (x1, x2) = (x[..., i], x[..., i + D/2]) at position p becomes
        (x1 * cos(p * theta_i) - x2 * sin(p * theta_i), x2 * cos(p * theta_i) + x1 * sin(p * theta_i)),
    with theta_i = base ** (-2i / D), i = 0 .. D/2 - 1.
    Returns a tensor of x's shape, dtype and device. Do not modify x in place.
    """
    raise NotImplementedError
