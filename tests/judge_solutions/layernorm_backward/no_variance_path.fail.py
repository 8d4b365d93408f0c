# expect hint: through the variance
# A derivation that differentiates through the mean but treats the variance as a constant.
import torch


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    inv = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mean) * inv
    g = grad_output * weight
    dx = inv * (g - g.mean(-1, keepdim=True))
    return dx, (grad_output * x_hat).sum(0), grad_output.sum(0)
