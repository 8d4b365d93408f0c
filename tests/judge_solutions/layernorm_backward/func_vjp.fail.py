# expect forbidden: torch.func
# functorch's vjp: autograd under another name.
import torch
from torch.func import vjp


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    def forward(x, w, b):
        mu = x.mean(-1, keepdim=True)
        return (x - mu) / torch.sqrt(((x - mu) ** 2).mean(-1, keepdim=True) + eps) * w + b

    _, pullback = vjp(forward, x, weight, torch.zeros_like(weight))
    return pullback(grad_output)
