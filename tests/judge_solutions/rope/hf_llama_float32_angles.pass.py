# expect note: the angles are computed in float32
# Hugging Face LLaMA style: the inverse frequencies and the cos/sin tables are always float32 (by design), then
# cast to x's dtype; rotate-half pairs dimension i with i + D/2. Float64 inputs keep their dtype, at float32 precision.
import torch


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def apply_rope(x, positions, base=10000.0):
    dim = x.shape[-1]
    inv_freq = 1.0 / (base ** (torch.arange(0, dim, 2, dtype=torch.int64).float().to(x.device) / dim))
    freqs = positions.float()[:, None] * inv_freq[None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos().to(x.dtype), emb.sin().to(x.dtype)
    return x * cos + rotate_half(x) * sin
