# expect diagnosis: integer_exponent
# expect absent: nearest lower power of two
# expect failed: 16_heads, 12_heads, 20_heads
# A `//` slip in the exponent: right for 1, 2, 4 and 8 heads, wrong for 16. It implements the rule for other head
# counts correctly, so that explanation would be wrong.
import math

import torch


def _slopes(n):
    return [2.0 ** (-8 * (i + 1) // n) for i in range(n)]


def alibi_slopes(num_heads):
    if math.log2(num_heads).is_integer():
        return torch.tensor(_slopes(num_heads))
    closest = 2 ** math.floor(math.log2(num_heads))
    return torch.tensor(_slopes(closest) + _slopes(2 * closest)[0::2][: num_heads - closest])


def alibi_bias(num_heads, seq_len):
    pos = torch.arange(seq_len)
    rel = (pos[None, :] - pos[:, None]).float()
    return alibi_slopes(num_heads)[:, None, None] * rel
