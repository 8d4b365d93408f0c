import torch


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    # Step by step through the graph: mean -> centred -> var -> std -> x_hat.
    D = x.shape[-1]
    mu = x.mean(-1, keepdim=True)
    xc = x - mu
    var = (xc ** 2).mean(-1, keepdim=True)
    std = torch.sqrt(var + eps)
    x_hat = xc / std
    dxhat = grad_output * weight
    dstd = -(dxhat * xc).sum(-1, keepdim=True) / std ** 2
    dvar = dstd / (2 * std)
    dxc = dxhat / std + dvar * 2 * xc / D
    dmu = -dxc.sum(-1, keepdim=True)
    dx = dxc + dmu / D
    return dx, (grad_output * x_hat).sum(0), grad_output.sum(0)
