# expect failed: all_zero, zero_row
# expect message: scale of each all-zero slice: 1 of 1 entries differ (a mask: positive or not positive), e.g. at [0]: expected positive, got not positive
# No guard for an all-zero slice: scale 0 and 0 / 0 = NaN. Where NaN happens to cast to int8 as 0, q and the
# dequantisation even look right; the scale the starter asks for does not.
import torch


def quantize_absmax(x, bits=8, dim=None):
    qmax = 2 ** (bits - 1) - 1
    amax = x.abs().amax() if dim is None else x.abs().amax(dim=dim, keepdim=True)
    scale = amax / qmax
    q = torch.round(x / scale).clamp(-qmax, qmax).to(torch.int8)
    return q, scale


def dequantize(q, scale):
    return q.to(scale.dtype) * scale
