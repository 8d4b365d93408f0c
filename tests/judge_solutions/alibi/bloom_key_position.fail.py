# expect hint: matches BLOOM's bias +slope·j
# expect failed: example_bias_4x5, bias_8x9, bias_6x7
# BLOOM style: slopes from the closest power of two (plus every other slope of the next one), and a bias that is
# each head's slope times the key's position, the same for every query row.
import math

import torch


def alibi_slopes(num_heads):
    closest_power_of_2 = 2 ** math.floor(math.log2(num_heads))
    base = torch.tensor(2 ** (-(2 ** -(math.log2(closest_power_of_2) - 3))), dtype=torch.float32)
    powers = torch.arange(1, 1 + closest_power_of_2, dtype=torch.int32)
    slopes = torch.pow(base, powers)
    if closest_power_of_2 != num_heads:
        extra_base = torch.tensor(2 ** (-(2 ** -(math.log2(2 * closest_power_of_2) - 3))), dtype=torch.float32)
        num_remaining = min(closest_power_of_2, num_heads - closest_power_of_2)
        extra_powers = torch.arange(1, 1 + 2 * num_remaining, 2, dtype=torch.int32)
        slopes = torch.cat([slopes, torch.pow(extra_base, extra_powers)], dim=0)
    return slopes


def alibi_bias(num_heads, seq_len):
    positions = torch.arange(seq_len, dtype=torch.float32)[None, None, :]
    return (alibi_slopes(num_heads)[:, None, None] * positions).expand(num_heads, seq_len, seq_len)
