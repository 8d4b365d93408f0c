"""Reference solution: symmetric absmax quantisation and its inverse."""

import torch


def quantize_absmax(x: torch.Tensor, bits: int = 8, dim: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """(q, scale) with scale = max|x| / (2**(bits-1) - 1) per tensor, or per slice reduced along `dim`."""
    qmax = 2 ** (bits - 1) - 1  # symmetric range [-qmax, qmax]: -2**(bits-1) stays unused
    if dim is None:
        absmax = x.abs().amax()
    else:
        absmax = x.abs().amax(dim=dim, keepdim=True)  # keepdim, so the scale broadcasts against x
    scale = absmax / qmax
    # An all-zero slice has scale 0, and x / 0 is NaN: any positive scale maps it to q = 0.
    scale = torch.where(scale == 0, torch.ones_like(scale), scale)
    qdtype = torch.int8 if bits <= 8 else torch.int16 if bits <= 16 else torch.int32
    # Round to nearest (a bare integer cast would truncate towards zero), clamp to the range, then cast.
    q = torch.round(x / scale).clamp(-qmax, qmax).to(qdtype)
    return q, scale


def dequantize(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """q * scale, as floating point in the scale's dtype."""
    return q.to(scale.dtype) * scale
