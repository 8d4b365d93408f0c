# expect hint: a done at step t masks both
# The done flag read one step late (dones[t + 1], the "next state starts a new episode" convention of some
# PPO code bases); this task's dones[t] means the episode ended after reward r_t.
import torch


def gae(rewards, values, dones, gamma=0.99, lam=0.95):
    T = rewards.shape[-1]
    advantages = torch.zeros_like(rewards)
    last = torch.zeros_like(rewards[..., 0])
    for t in reversed(range(T)):
        nonterminal = 1.0 - dones[..., t + 1] if t + 1 < T else torch.ones_like(last)
        delta = rewards[..., t] + gamma * values[..., t + 1] * nonterminal - values[..., t]
        last = delta + gamma * lam * nonterminal * last
        advantages[..., t] = last
    return advantages, advantages + values[..., :T]
