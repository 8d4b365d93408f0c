# loralib style: dropout on the adapter's input, and weights merged into the frozen layer when the module switches
# to eval mode (unmerged again for training); merge() then copies whatever the layer currently holds.
import math

import torch
from torch import nn
from torch.nn import functional as F


class LoRALinear(nn.Module):
    def __init__(self, base, r=8, alpha=16.0, lora_dropout=0.1, merge_weights=True):
        super().__init__()
        self.base = base
        self.r, self.lora_alpha = r, alpha
        self.lora_A = nn.Parameter(base.weight.new_zeros((r, base.in_features)))
        self.lora_B = nn.Parameter(base.weight.new_zeros((base.out_features, r)))
        self.scaling = self.lora_alpha / self.r
        self.lora_dropout = nn.Dropout(p=lora_dropout)
        self.merge_weights, self.merged = merge_weights, False
        for p in base.parameters():
            p.requires_grad = False
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B)

    def train(self, mode=True):
        super().train(mode)
        if self.merge_weights and mode == self.merged:
            sign = -1.0 if mode else 1.0
            self.base.weight.data += sign * (self.lora_B @ self.lora_A) * self.scaling
            self.merged = not mode
        return self

    def forward(self, x):
        result = F.linear(x, self.base.weight, bias=self.base.bias)
        if not self.merged:
            result = result + (self.lora_dropout(x) @ self.lora_A.transpose(0, 1) @ self.lora_B.transpose(0, 1)) * self.scaling
        return result

    def merge(self):
        layer = nn.Linear(self.base.in_features, self.base.out_features, bias=self.base.bias is not None,
                          device=self.base.weight.device, dtype=self.base.weight.dtype)
        with torch.no_grad():
            delta = 0.0 if self.merged else (self.lora_B @ self.lora_A) * self.scaling
            layer.weight.copy_(self.base.weight + delta)
            if self.base.bias is not None:
                layer.bias.copy_(self.base.bias)
        return layer
