# expect message: q: dtype float32, expected int8
# expect absent: keep the input's dtype
# Rounds but never casts: q stays float. The input is float32 too, so "keep the input's dtype" would be wrong advice.
import torch


def quantize_absmax(x, bits=8, dim=None):
    qmax = 2 ** (bits - 1) - 1
    amax = x.abs().amax() if dim is None else x.abs().amax(dim=dim, keepdim=True)
    scale = torch.where(amax == 0, torch.ones_like(amax), amax / qmax)
    return torch.round(x / scale).clamp(-qmax, qmax), scale


def dequantize(q, scale):
    return q.to(scale.dtype) * scale
