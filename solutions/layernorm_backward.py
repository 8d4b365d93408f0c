"""Reference solution: the LayerNorm backward pass, derived by hand."""

import torch


def layernorm_backward(x: torch.Tensor, weight: torch.Tensor, grad_output: torch.Tensor,
                       eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(grad_x, grad_weight, grad_bias) of y = (x - mean) / sqrt(var + eps) * weight + bias, rows of x."""
    # Recompute the forward statistics (biased variance, two passes), as a fused kernel would save them.
    mean = x.mean(dim=-1, keepdim=True)
    centred = x - mean
    var = (centred * centred).mean(dim=-1, keepdim=True)
    rstd = torch.rsqrt(var + eps)
    x_hat = centred * rstd
    # weight and bias are shared by every row: their gradients sum over the rows.
    grad_bias = grad_output.sum(dim=0)
    grad_weight = (grad_output * x_hat).sum(dim=0)
    grad_x_hat = grad_output * weight
    # x reaches x_hat three ways: directly, through the mean, and through the variance; the last two
    # subtract the row means of grad_x_hat and of grad_x_hat * x_hat.
    mean_grad = grad_x_hat.mean(dim=-1, keepdim=True)
    mean_grad_x_hat = (grad_x_hat * x_hat).mean(dim=-1, keepdim=True)
    grad_x = rstd * (grad_x_hat - mean_grad - x_hat * mean_grad_x_hat)
    return grad_x, grad_weight, grad_bias
