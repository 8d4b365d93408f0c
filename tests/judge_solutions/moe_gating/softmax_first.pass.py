# Mixtral style: softmax over all experts, unsorted top-k, renormalise; f from one_hot.
import torch
import torch.nn.functional as F

def top_k_gating(logits, k):
    probs = F.softmax(logits, dim=-1)
    w, idx = probs.topk(k, dim=-1, sorted=False)
    return w / w.sum(dim=-1, keepdim=True), idx

def load_balancing_loss(router_logits, indices, num_experts):
    probs = F.softmax(router_logits, dim=-1).reshape(-1, num_experts)
    f = F.one_hot(indices.reshape(-1), num_experts).to(probs.dtype).mean(dim=0)
    return num_experts * (f * probs.mean(dim=0)).sum()
