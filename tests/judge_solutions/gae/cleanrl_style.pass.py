import torch


def gae(rewards, values, dones, gamma=0.99, lam=0.95):
    T = rewards.shape[-1]
    adv = [None] * T
    lastgaelam = torch.zeros_like(rewards[..., 0])
    for t in range(T - 1, -1, -1):
        nextnonterminal = 1.0 - dones[..., t]
        nextvalues = values[..., t + 1]
        delta = rewards[..., t] + gamma * nextvalues * nextnonterminal - values[..., t]
        lastgaelam = delta + gamma * lam * nextnonterminal * lastgaelam
        adv[t] = lastgaelam
    advantages = torch.stack(adv, dim=-1)
    return advantages, advantages + values[..., :-1]
