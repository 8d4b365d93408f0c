"""One AdamW step, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def adamw_step(param: torch.Tensor, grad: torch.Tensor, m: torch.Tensor, v: torch.Tensor, step: int, lr: float,
               betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
               weight_decay: float = 0.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (new_param, new_m, new_v) after one AdamW step.

    m, v: the first and second moment estimates before this step (zeros before step 1); step: the number
    of this step, counted from 1. Decoupled weight decay (param -= lr * weight_decay * param, applied to
    the parameter before this step's Adam update), bias-corrected moments, eps added after the sqrt:
    the result must match torch.optim.AdamW step for step.
    All tensors share a shape, dtype and device; return NEW tensors and do not modify the inputs in place.
    Forbidden: torch.optim.
    """
    raise NotImplementedError
