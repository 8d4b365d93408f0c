"""Sinusoidal position encoding ("Attention Is All You Need"), by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def sinusoidal_positions(max_len: int, d_model: int) -> torch.Tensor:
    """The fixed position-encoding table, a float32 tensor of shape (max_len, d_model).

    Row pos (0 .. max_len - 1), with d_model even:
        PE[pos, 2i]     = sin(pos / 10000 ** (2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000 ** (2i / d_model))
    so each sine/cosine pair of columns shares one frequency.
    """
    raise NotImplementedError
