"""Reference solution: a growing key/value cache and attention of new queries over it."""

from __future__ import annotations

import math

import torch


class KVCache:
    """Keys and values seen so far, each (B, H, T, d); None until the first append."""

    def __init__(self) -> None:
        self.k: torch.Tensor | None = None
        self.v: torch.Tensor | None = None

    def append(self, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Add new positions along the time axis and return the whole cache."""
        if self.k is None or self.v is None:
            # Our own copies, so later appends never alias the caller's tensors.
            self.k, self.v = k.clone(), v.clone()
        else:
            self.k = torch.cat((self.k, k), dim=-2)
            self.v = torch.cat((self.v, v), dim=-2)
        return self.k, self.v


def cached_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, cache: KVCache) -> torch.Tensor:
    """Append (k, v) to the cache, then attend q to every cached position up to its own."""
    keys, values = cache.append(k, v)
    new, total = q.shape[-2], keys.shape[-2]
    past = total - new  # absolute position of the first new query
    scores = (q @ keys.transpose(-2, -1)) / math.sqrt(q.shape[-1])  # (B, H, new, total)
    # Query i sits at absolute position past + i, so it sees keys 0 .. past + i (bottom-right causal).
    qpos = torch.arange(new, device=q.device)[:, None] + past
    kpos = torch.arange(total, device=q.device)[None, :]
    scores = scores.masked_fill(kpos > qpos, float("-inf"))
    return torch.softmax(scores, dim=-1) @ values
