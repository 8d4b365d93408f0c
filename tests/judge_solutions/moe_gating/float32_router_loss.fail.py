# expect failed: loss_float64
# expect hint: returns a float32 loss for float64 logits
# The router's softmax always in float32 (as Mixtral's router computes it), so float64 logits give a float32 loss.
import torch
import torch.nn.functional as F


def top_k_gating(logits, k):
    top, idx = logits.topk(k, dim=-1)
    return top.softmax(dim=-1), idx


def load_balancing_loss(router_logits, indices, num_experts):
    probs = F.softmax(router_logits.reshape(-1, num_experts), dim=-1, dtype=torch.float)
    f = torch.bincount(indices.reshape(-1), minlength=num_experts).float() / indices.numel()
    return num_experts * torch.sum(f * probs.mean(dim=0))
