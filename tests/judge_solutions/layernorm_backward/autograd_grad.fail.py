# expect forbidden: torch.autograd.grad
import torch


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    x = x.detach().requires_grad_()
    w = weight.detach().requires_grad_()
    b = torch.zeros_like(w).requires_grad_()
    mu = x.mean(-1, keepdim=True)
    y = (x - mu) / torch.sqrt(((x - mu) ** 2).mean(-1, keepdim=True) + eps) * w + b
    return torch.autograd.grad(y, (x, w, b), grad_output)
