"""Reference solution: generalised advantage estimation (GAE) with episode boundaries."""

import torch


def gae(rewards: torch.Tensor, values: torch.Tensor, dones: torch.Tensor, gamma: float = 0.99,
        lam: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
    """(advantages, returns) by the backward recursion A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1}."""
    steps = rewards.shape[-1]
    advantages = torch.zeros_like(rewards)
    next_advantage = torch.zeros_like(rewards[..., 0])  # nothing lies beyond the last step
    for t in reversed(range(steps)):
        not_done = 1.0 - dones[..., t]
        # An episode that ended at step t has no next state: its value is not bootstrapped ...
        delta = rewards[..., t] + gamma * values[..., t + 1] * not_done - values[..., t]
        # ... and the advantage of step t + 1 belongs to the next episode, so the recursion stops too.
        next_advantage = delta + gamma * lam * not_done * next_advantage
        advantages[..., t] = next_advantage
    # The critic's regression target: the lambda-return, advantage plus the value it was measured against.
    returns = advantages + values[..., :steps]
    return advantages, returns
