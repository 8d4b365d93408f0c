# expect failed: no_full_scores
# expect message: allocated a tensor of shape (1, 1024, 1024)
# Right values, quadratic memory: the (L, S) weight matrix the task exists to avoid.
import torch
import torch.nn.functional as F

def linear_attention(q, k, v):
    w = (F.elu(q) + 1) @ (F.elu(k) + 1).transpose(-2, -1)
    return (w / w.sum(dim=-1, keepdim=True)) @ v
