import torch


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    D = x.shape[1]
    mu = x.mean(dim=1, keepdim=True)
    var = x.var(dim=1, unbiased=False, keepdim=True)
    inv_std = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    dbeta = grad_output.sum(0)
    dgamma = (grad_output * x_hat).sum(0)
    dxhat = grad_output * weight
    dx = inv_std / D * (D * dxhat - dxhat.sum(1, keepdim=True) - x_hat * (dxhat * x_hat).sum(1, keepdim=True))
    return dx, dgamma, dbeta
