# expect hint: as the load-balancing loss of Hugging Face's Mixtral does
# Mixtral style: routing weights from a softmax over all experts (then top-k, renormalised), and an auxiliary loss that
# averages the one-hot expert mask over tokens for each of the k slots, which counts every token k times.
import torch
import torch.nn.functional as F


def top_k_gating(logits, k):
    routing_weights = F.softmax(logits, dim=-1)
    routing_weights, selected_experts = torch.topk(routing_weights, k, dim=-1)
    routing_weights = routing_weights / routing_weights.sum(dim=-1, keepdim=True)
    return routing_weights.to(logits.dtype), selected_experts


def load_balancing_loss(router_logits, indices, num_experts):
    routing_weights = F.softmax(router_logits.reshape(-1, num_experts), dim=-1)
    expert_mask = F.one_hot(indices.reshape(-1, indices.shape[-1]), num_experts)
    tokens_per_expert = torch.mean(expert_mask.to(routing_weights.dtype), dim=0)
    router_prob_per_expert = torch.mean(routing_weights, dim=0)
    return torch.sum(tokens_per_expert * router_prob_per_expert.unsqueeze(0)) * num_experts
