# expect failed: fractional_k
# expect diagnosis: k_rounded
# expect hint: rounding numel * ratio to the nearest integer
# expect message: indices (compared as a set): 0 expected elements missing, 1 unexpected
# round() where the contract says int(): one index too many when numel * ratio has a fraction above one half.
import torch


def topk_compress(grad, ratio):
    flat = grad.flatten()
    k = max(1, round(flat.numel() * ratio))
    _, indices = flat.abs().topk(k)
    return flat[indices], indices


def topk_decompress(values, indices, shape):
    out = torch.zeros(torch.Size(shape).numel(), dtype=values.dtype, device=values.device)
    out[indices] = values
    return out.reshape(shape)
