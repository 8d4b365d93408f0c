"""Decoding filters: top-k, top-p (nucleus) and the repetition penalty, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Keep the k largest logits of each row; set every other logit to -inf.

    logits: (..., V), rows along the last dimension; 1 <= k <= V. Returns logits' shape, dtype and
    device, with the kept logits unchanged.
    Do not modify the inputs in place.
    """
    raise NotImplementedError


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Keep the smallest set of most likely tokens whose probabilities sum to at least p; -inf elsewhere.

    logits: (..., V); probabilities are softmax(logits) along the last dimension; 0 < p <= 1.
    The token whose probability makes the sum reach p is kept, and the most likely token is always kept.
    Returns logits' shape, dtype and device, with the kept logits unchanged (in vocabulary order).
    Do not modify the inputs in place.
    """
    raise NotImplementedError


def repetition_penalty(logits: torch.Tensor, prev_ids: torch.Tensor, penalty: float) -> torch.Tensor:
    """Make previously generated tokens less likely (the CTRL / Hugging Face penalty).

    logits: (..., V); prev_ids: (..., T) int64 token ids, the same leading shape (an id may repeat).
    For every id in prev_ids: a positive logit is divided by penalty, a negative one multiplied by it
    (once per id, however often it occurs). Other logits are unchanged.
    Returns logits' shape, dtype and device. Do not modify the inputs in place.
    """
    raise NotImplementedError
