# expect hint: as the Switch Transformer's top-1 router keeps the probability itself
# Switch Transformer style router: softmax over every expert, then the k most probable experts keep their
# probabilities as weights (for top-1, the winner's probability rather than 1.0).
import torch


def top_k_gating(logits, k):
    router_probs = torch.softmax(logits, dim=-1)
    weights, indices = torch.topk(router_probs, k, dim=-1)
    return weights, indices


def load_balancing_loss(router_logits, indices, num_experts):
    router_probs = torch.softmax(router_logits, dim=-1).reshape(-1, num_experts)
    expert_mask = torch.nn.functional.one_hot(indices.reshape(-1), num_experts).to(router_probs.dtype)
    tokens_per_expert = expert_mask.mean(dim=0)
    return num_experts * torch.sum(tokens_per_expert * router_probs.mean(dim=0))
