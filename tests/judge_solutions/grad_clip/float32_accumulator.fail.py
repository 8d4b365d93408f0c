# expect failed: float64
# expect hint: accumulate the squared norms in the gradients' dtype
# The squared norms are summed into a float32 accumulator in place: fine for float32 gradients, an error for float64.
import torch


def clip_grad_norm(parameters, max_norm):
    grads = [p.grad for p in parameters if p.grad is not None]
    total = torch.zeros(())
    for g in grads:
        total += g.pow(2).sum()
    total = total.sqrt()
    if total > max_norm:
        for g in grads:
            g.mul_(max_norm / (total + 1e-6))
    return total
