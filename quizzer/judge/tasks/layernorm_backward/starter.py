"""The LayerNorm backward pass, by hand (no autograd).

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def layernorm_backward(x: torch.Tensor, weight: torch.Tensor, grad_output: torch.Tensor,
                       eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (grad_x, grad_weight, grad_bias) of LayerNorm for the upstream gradient grad_output.

    Forward (per row of x, over the last dimension D):
      mean = x.mean(-1), var = ((x - mean)**2).mean(-1)  (biased: divide by D),
      x_hat = (x - mean) / sqrt(var + eps),  y = x_hat * weight + bias.
    x, grad_output: (N, D); weight: (D,). Returns grad_x (N, D) = dL/dx, grad_weight (D,) = dL/dweight,
    grad_bias (D,) = dL/dbias, where grad_output = dL/dy (the bias value itself does not matter).
    Results have x's dtype and device. Compute the gradients by hand: autograd is forbidden
    (torch.autograd.grad / .backward / .functional / forward-mode make_dual, Tensor.backward, torch.func,
    and the ATen kernel native_layer_norm_backward). Do not modify the inputs in place.
    """
    raise NotImplementedError
