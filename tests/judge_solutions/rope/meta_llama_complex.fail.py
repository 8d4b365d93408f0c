# expect hint: matches the interleaved RoPE convention, pairs (2i, 2i+1), as in Meta's original LLaMA
# Meta's original LLaMA style: consecutive features form complex numbers and are multiplied by e^(i p theta).
import torch


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    freqs = 1.0 / (base ** (torch.arange(0, d, 2)[: d // 2].float() / d))
    angles = torch.outer(positions.float(), freqs)
    rotation = torch.polar(torch.ones_like(angles), angles)
    pairs = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))
    return torch.view_as_real(pairs * rotation).flatten(-2).type_as(x)
