"""Reference solution: top-k and top-p (nucleus) filtering and the repetition penalty."""

import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """The logits with everything outside the k largest of each row (last dim) set to -inf."""
    kth = logits.topk(k, dim=-1).values[..., -1:]  # the smallest logit that is still kept
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """The logits with everything outside the smallest top set whose probability reaches p set to -inf."""
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    # The probability mass strictly before each token: a token is needed while the mass before it is still
    # short of p. So the token that crosses p is kept, and the top-1 (mass 0 before it) always is.
    mass_before = probs.cumsum(dim=-1) - probs
    remove_sorted = mass_before >= p
    remove_sorted[..., 0] = False
    # Map the decision from sorted order back to vocabulary order.
    remove = torch.zeros_like(remove_sorted).scatter(-1, order, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))


def repetition_penalty(logits: torch.Tensor, prev_ids: torch.Tensor, penalty: float) -> torch.Tensor:
    """The logits with every previously generated id made less likely (CTRL-style penalty)."""
    seen = logits.gather(-1, prev_ids)
    # Dividing a negative logit would move it up towards 0, so negative logits are multiplied instead.
    penalised = torch.where(seen > 0, seen / penalty, seen * penalty)
    # scatter writes (it does not accumulate): an id seen several times is penalised exactly once.
    return logits.scatter(-1, prev_ids, penalised)
