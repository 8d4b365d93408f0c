# Hugging Face LLaMA MLP naming (gate_proj, up_proj, down_proj) with the contract's names as aliases, and a dropout
# on the output as x-transformers' feed-forward has (off in eval mode).
import torch.nn.functional as F
from torch import nn


class SwiGLU(nn.Module):
    def __init__(self, d_model, d_ff, dropout=0.1):
        super().__init__()
        self.gate_proj = nn.Linear(d_model, d_ff, bias=False)
        self.up_proj = nn.Linear(d_model, d_ff, bias=False)
        self.down_proj = nn.Linear(d_ff, d_model, bias=False)
        self.w1, self.w3, self.w2 = self.gate_proj, self.up_proj, self.down_proj
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.dropout(self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x)))
