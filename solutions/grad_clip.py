"""Reference solution: clip gradients by their global L2 norm, in place."""

from collections.abc import Iterable

import torch


def clip_grad_norm(parameters: Iterable[torch.Tensor], max_norm: float) -> torch.Tensor:
    """Scale every .grad in place so the global norm is at most max_norm; return the norm before clipping."""
    # Materialise first: `model.parameters()` is a generator, and it would be empty the second time.
    params = [p for p in parameters if p.grad is not None]
    grads = [p.grad for p in params]
    if not grads:
        return torch.tensor(0.0)
    # Global norm = sqrt(sum of squared per-tensor norms), kept as a tensor (no .item() per gradient).
    total = torch.stack([g.norm(2) for g in grads]).norm(2)
    if total > max_norm:
        coef = max_norm / (total + 1e-6)
        for g in grads:
            g.mul_(coef)  # in place: the optimizer (and the caller) hold these very tensors
    return total
