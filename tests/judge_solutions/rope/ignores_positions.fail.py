# expect hint: use the positions argument
# expect absent: a rotation keeps the length
# expect failed: 3d_unsorted_positions, 4d_offset_positions, one_pair, custom_base, long_positions, float64
# Rotate-half RoPE with positions 0..L-1 instead of the positions given (and the base hard-coded): right on the example,
# which uses 0..L-1, and right for the properties.
import torch


def apply_rope(x, positions, base=10000.0):
    L, D = x.shape[-2], x.shape[-1]
    inv_freq = 1.0 / (10000.0 ** (torch.arange(0, D, 2, dtype=torch.float64) / D))
    angles = torch.arange(L, dtype=torch.float64)[:, None] * inv_freq[None, :]
    cos, sin = angles.cos().to(x.dtype), angles.sin().to(x.dtype)
    x1, x2 = x[..., : D // 2], x[..., D // 2:]
    return torch.cat((x1 * cos - x2 * sin, x2 * cos + x1 * sin), dim=-1)
