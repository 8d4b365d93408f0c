# expect forbidden: torch.Tensor.backward
# Lets autograd do the work: exactly what the task forbids.
import torch
import torch.nn.functional as F


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    x = x.detach().clone().requires_grad_()
    w = weight.detach().clone().requires_grad_()
    b = torch.zeros_like(w, requires_grad=True)
    F.layer_norm(x, (x.shape[-1],), w, b, eps).backward(grad_output)
    return x.grad, w.grad, b.grad
