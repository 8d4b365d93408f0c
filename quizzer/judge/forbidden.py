"""Other names for the forbidden APIs of the catalog, shared by the static scan and the runtime guard (no torch)."""

from __future__ import annotations

# Other names for the same thing, so a ban on F.rms_norm also covers torch.rms_norm.
ALIASES: dict[str, tuple[str, ...]] = {
    "torch.nn.functional.scaled_dot_product_attention": ("torch._C._nn.scaled_dot_product_attention",),
    "torch.nn.functional.rms_norm": ("torch.rms_norm",),
    "torch.nn.functional.layer_norm": ("torch.layer_norm", "torch.native_layer_norm"),
    "torch.nn.functional.softmax": ("torch.Tensor.softmax", "torch.nn.functional.softmin"),
    "torch.softmax": ("torch.Tensor.softmax", "torch.special.softmax"),
    "torch.nn.functional.log_softmax": ("torch.log_softmax", "torch.Tensor.log_softmax", "torch.special.log_softmax"),
    "torch.logsumexp": ("torch.Tensor.logsumexp", "torch.special.logsumexp"),
    "torch.nn.RMSNorm": ("torch.nn.modules.normalization.RMSNorm",),
    "torch.nn.LayerNorm": ("torch.nn.modules.normalization.LayerNorm",),
    "torch.nn.MultiheadAttention": ("torch.nn.modules.activation.MultiheadAttention",),
    # The two halves clip_grad_norm_ is built from since torch 2.6.
    "torch.nn.utils.clip_grad_norm_": ("torch.nn.utils.clip_grad.clip_grad_norm_", "torch.nn.utils.get_total_norm",
                                       "torch.nn.utils.clip_grads_with_norm_"),
    "torch.nn.functional.kl_div": ("torch.kl_div",),
}
# ATen kernels (as a TorchDispatchMode sees them) that only the forbidden API reaches.
OPS: dict[str, tuple[str, ...]] = {
    "torch.nn.functional.scaled_dot_product_attention": (
        "_safe_softmax", "scaled_dot_product_attention", "_scaled_dot_product_attention_math",
        "_scaled_dot_product_flash_attention", "_scaled_dot_product_flash_attention_for_cpu",
        "_scaled_dot_product_efficient_attention", "_scaled_dot_product_cudnn_attention"),
    "torch.nn.functional.multi_head_attention_forward": ("_native_multi_head_attention",),
    "torch.nn.functional.layer_norm": ("native_layer_norm", "layer_norm"),
    "torch.nn.LayerNorm": ("native_layer_norm", "layer_norm"),
    "torch.nn.functional.rms_norm": ("_fused_rms_norm", "rms_norm"),
    "torch.nn.RMSNorm": ("_fused_rms_norm", "rms_norm"),
    "torch.nn.functional.softmax": ("_softmax",),
    "torch.softmax": ("_softmax",),
    "torch.nn.functional.log_softmax": ("_log_softmax",),
    # Not _log_softmax: that kernel is also F.log_softmax, which a task may allow while banning cross_entropy.
    "torch.nn.functional.cross_entropy": ("nll_loss_forward", "nll_loss2d_forward"),
    "torch.nn.functional.nll_loss": ("nll_loss_forward", "nll_loss2d_forward"),
    "torch.logsumexp": ("logsumexp",),
    # Reached by autograd through F.layer_norm, or called directly (torch.ops.aten / torch._C routes).
    "torch.ops.aten.native_layer_norm_backward": ("native_layer_norm_backward",),
}


def aliases_of(name: str) -> tuple[str, ...]:
    """`name` and every other path that reaches the same API, `torch.ops.aten.<kernel>` included.

    Some kernels (rms_norm) decompose before a dispatch mode sees them, so the op handle is banned as well.
    """
    return (name, *ALIASES.get(name, ()), *(f"torch.ops.aten.{op}" for op in OPS.get(name, ())))
