# expect diagnosis: rebinds_loop_variable
# expect hint: binds the name to a new tensor
# expect absent: iterated only once
# expect absent: reading `parameters` twice
# Scales a loop variable: `g = g * coef` makes a new tensor and leaves every .grad untouched. It did make a list,
# so a hint about reading a generator twice would be wrong.
import torch


def clip_grad_norm(parameters, max_norm):
    grads = [p.grad for p in parameters if p.grad is not None]
    total = torch.sqrt(sum((g ** 2).sum() for g in grads))
    if total > max_norm:
        coef = max_norm / (total + 1e-6)
        for g in grads:
            g = g * coef
    return total
