"""Reference solution: one AdamW step, the same arithmetic as torch.optim.AdamW."""

import torch


def adamw_step(param: torch.Tensor, grad: torch.Tensor, m: torch.Tensor, v: torch.Tensor, step: int, lr: float,
               betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
               weight_decay: float = 0.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(new param, new m, new v) after step number `step` (counted from 1); the inputs are left untouched."""
    beta1, beta2 = betas
    # Decoupled weight decay: shrink the weights directly, not through the gradient, so the decay is not
    # divided by the adaptive denominator (adding weight_decay * param to grad would be Adam + L2).
    decayed = param * (1.0 - lr * weight_decay)
    # Moment estimates from the raw gradient, out of place.
    m = beta1 * m + (1.0 - beta1) * grad
    v = beta2 * v + (1.0 - beta2) * grad * grad
    # Bias correction: m and v start at 0, so early estimates are too small by a factor 1 - beta**step.
    m_hat = m / (1.0 - beta1 ** step)
    denom = (v / (1.0 - beta2 ** step)).sqrt() + eps  # eps after the sqrt, as torch does
    new_param = decayed - lr * m_hat / denom
    return new_param, m, v
