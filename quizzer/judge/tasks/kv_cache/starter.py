"""A key/value cache for autoregressive decoding, and attention over it, by hand.

Fill in the class and the function, then run `quizzer grade` on this file.
"""

import torch


class KVCache:
    """The keys and values of every position seen so far, each of shape (B, H, T, d)."""

    def __init__(self) -> None:
        """Start empty: self.k and self.v are None until the first append."""
        raise NotImplementedError

    def append(self, k: torch.Tensor, v: torch.Tensor) -> None:
        """Add new positions: k and v are (B, H, T_new, d) and go after the cached ones on the time axis.

        Afterwards self.k and self.v are (B, H, T_old + T_new, d). Do not modify k or v in place.
        """
        raise NotImplementedError


def cached_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, cache: KVCache) -> torch.Tensor:
    """Append the new k, v to the cache, then attend the new queries to every cached position.

    q, k, v: (B, H, T_new, d) for the T_new newest tokens; the cache holds the `past` tokens before them.
    New query i sits at absolute position past + i and may attend to keys 0 .. past + i (causal by
    absolute position); scores are scaled by 1/sqrt(d). Returns (B, H, T_new, d), q's dtype and device.
    Feeding a sequence token by token, or in chunks, gives the same outputs as causal attention over it all.
    Forbidden: F.scaled_dot_product_attention, nn.MultiheadAttention, F.multi_head_attention_forward.
    Do not modify the inputs in place.
    """
    raise NotImplementedError
