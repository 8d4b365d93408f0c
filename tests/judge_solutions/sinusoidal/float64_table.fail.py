# expect message: dtype float64, expected float32
# expect absent: keep the input's dtype
# Builds the table in float64: there is no input tensor whose dtype could be kept, so that advice would be wrong.
import math

import torch


def sinusoidal_positions(max_len, d_model):
    pos = torch.arange(max_len, dtype=torch.float64)[:, None]
    div = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(max_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)[:, : d_model // 2]
    return pe
