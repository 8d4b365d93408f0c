"""InfoNCE loss with in-batch negatives, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def info_nce(query: torch.Tensor, key: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    """Return the mean InfoNCE loss of a batch of (query, key) pairs.

    query, key: (N, D). Key i is the positive of query i; every other key in the batch is a negative.
    L2-normalise query and key along D, take logits = (query @ key^T) / temperature, and return the
    mean cross-entropy with target i for row i, as a 0-dim tensor with query's dtype and device.
    Forbidden: F.cross_entropy. No .cuda() / .cpu(). Do not modify the inputs in place.
    """
    raise NotImplementedError
