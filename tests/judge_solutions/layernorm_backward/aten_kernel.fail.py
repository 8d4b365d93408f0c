# expect forbidden: torch.ops.aten.native_layer_norm_backward
# The kernel autograd would call, reached through an alias the static scan cannot read.
import torch


def layernorm_backward(x, weight, grad_output, eps=1e-5):
    ops = getattr(torch, "ops")  # noqa: B009 (hides the name from the static scan)
    mean = x.mean(-1, keepdim=True)
    rstd = torch.rsqrt(((x - mean) ** 2).mean(-1, keepdim=True) + eps)
    kernel = ops.aten.native_layer_norm_backward
    return kernel(grad_output, x, [x.shape[-1]], mean, rstd, weight, torch.zeros_like(weight), [True, True, True])
