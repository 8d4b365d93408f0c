"""Reference solution: InfoNCE with in-batch negatives."""

import torch


def info_nce(query: torch.Tensor, key: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    """Mean cross-entropy of cosine-similarity logits / temperature, where query i's positive is key i."""
    # L2-normalise each vector along its features, so the dot product is a cosine similarity.
    q = query / query.norm(dim=-1, keepdim=True).clamp_min(1e-12)
    k = key / key.norm(dim=-1, keepdim=True).clamp_min(1e-12)
    logits = q @ k.transpose(-2, -1) / temperature  # (N, N): entry (i, j) compares q_i with k_j
    # The positives sit on the diagonal: the target of row i is column i (arange(N)), not column 0.
    positive = logits.diagonal(dim1=-2, dim2=-1)
    # Cross-entropy = logsumexp(row) - target logit; 1/temperature inflates the logits, so stay stable.
    return (torch.logsumexp(logits, dim=-1) - positive).mean()
