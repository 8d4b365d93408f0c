# Unsorted top-k, int64 indices, decompress by index_put on a flat zero tensor.
import torch

def topk_compress(grad, ratio):
    flat = grad.flatten()
    k = max(1, int(flat.numel() * ratio))
    _, idx = torch.topk(flat.abs(), k, sorted=False)
    return flat.gather(0, idx), idx

def topk_decompress(values, indices, shape):
    out = torch.zeros(torch.Size(shape).numel(), dtype=values.dtype, device=values.device)
    out[indices] = values
    return out.view(shape)
