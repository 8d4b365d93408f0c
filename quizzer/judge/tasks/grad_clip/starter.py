"""Gradient clipping by global norm, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

from collections.abc import Iterable

import torch


def clip_grad_norm(parameters: Iterable[torch.Tensor], max_norm: float) -> torch.Tensor:
    """Clip the gradients of `parameters` so that their global L2 norm is at most max_norm.

    parameters: an iterable of tensors (a list, or a generator such as model.parameters()); those whose
    .grad is None are skipped. The total norm is the L2 norm of all gradients taken together. If it is
    above max_norm, every .grad is multiplied IN PLACE by max_norm / (total_norm + 1e-6).
    Returns the total norm before clipping as a 0-dim tensor (the gradients' dtype and device).
    Forbidden: torch.nn.utils.clip_grad_norm_, torch.nn.utils.clip_grad_value_.
    """
    raise NotImplementedError
