"""Reference solution: numerically stable softmax and cross-entropy, by hand."""

import torch


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """exp(x) / sum(exp(x)) along `dim`, stable for logits of any magnitude."""
    # softmax(x) == softmax(x - c) for any c: subtracting the max keeps every exponent <= 0 (no overflow)
    # and the largest term equal to 1 (so the denominator is never 0).
    shifted = x - x.amax(dim=dim, keepdim=True)
    e = shifted.exp()
    return e / e.sum(dim=dim, keepdim=True)


def cross_entropy(logits: torch.Tensor, targets: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    """Mean of -log softmax(logits)[target] over the positions whose target is not ignore_index."""
    num_classes = logits.shape[-1]
    flat = logits.reshape(-1, num_classes)  # classes are the last dimension
    tgt = targets.reshape(-1)
    keep = tgt != ignore_index
    # log p_t = x_t - logsumexp(x), the log-sum-exp shifted by the row max: log(softmax) would underflow
    # to log(0) for a very unlikely target, and exp(x) unshifted overflows for large logits.
    m = flat.amax(dim=-1, keepdim=True)
    lse = (m + (flat - m).exp().sum(dim=-1, keepdim=True).log()).squeeze(-1)
    # Ignored positions hold ignore_index (often -100), not a class: gather class 0 there and mask it out.
    safe_tgt = torch.where(keep, tgt, torch.zeros_like(tgt))
    picked = flat.gather(-1, safe_tgt.unsqueeze(-1)).squeeze(-1)
    nll = (lse - picked) * keep.to(flat.dtype)
    return nll.sum() / keep.sum().to(flat.dtype)
