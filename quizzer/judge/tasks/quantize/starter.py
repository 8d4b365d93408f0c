"""Symmetric absmax quantisation, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def quantize_absmax(x: torch.Tensor, bits: int = 8, dim: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (q, scale) with q = round(x / scale) and scale = max|x| / (2**(bits-1) - 1).

    dim=None: one scale for the whole tensor, returned as a 0-dim tensor.
    dim=d: one scale per slice, the max taken along d (e.g. dim=-1 on (rows, cols) gives one scale per
        row); scale keeps d as a size-1 dimension (keepdim=True), so q * scale broadcasts.
    scale has x's dtype and device; q is torch.int8 for bits <= 8, with values in [-qmax, qmax].
    An all-zero tensor (or slice) is valid, but max|x| / qmax would give it scale 0 and x / 0 is NaN: give it
        a positive scale instead (1.0, say; any positive value is accepted). Its q is 0 and its dequantisation 0.
    Forbidden: torch.quantization, torch.ao. Do not modify the inputs in place.
    """
    raise NotImplementedError


def dequantize(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """Return q * scale as floating point in scale's dtype (scale as quantize_absmax returns it)."""
    raise NotImplementedError
