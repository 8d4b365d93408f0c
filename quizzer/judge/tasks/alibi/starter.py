"""ALiBi (attention with linear biases): head slopes and the bias matrix, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def alibi_slopes(num_heads: int) -> torch.Tensor:
    """One slope per head, a float32 tensor of shape (num_heads,).

    For H = num_heads a power of two: slope_h = 2 ** (-8 * (h + 1) / H), h = 0 .. H-1 (a geometric
    sequence from 2^(-8/H) down to 2^(-8)). For other H, the ALiBi paper's rule: the slopes for the
    nearest lower power of two n, followed by every other slope of 2n (the 1st, 3rd, ...) until there
    are H.
    """
    raise NotImplementedError


def alibi_bias(num_heads: int, seq_len: int) -> torch.Tensor:
    """The bias added to the attention scores, a float32 tensor of shape (num_heads, seq_len, seq_len).

    bias[h, i, j] = -slope_h * (i - j) for j <= i: the further back key j is from query i, the larger
    the penalty. Entries with j > i are masked by the caller (any value there is accepted).
    The tests compare this bias itself, not attention weights: a form that differs by a per-row
    constant (equal after softmax) is a different bias.
    """
    raise NotImplementedError
