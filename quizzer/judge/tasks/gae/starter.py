"""Generalised advantage estimation (GAE), as used by PPO, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def gae(rewards: torch.Tensor, values: torch.Tensor, dones: torch.Tensor, gamma: float = 0.99,
        lam: float = 0.95) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (advantages, returns), both with rewards' shape, dtype and device.

    rewards: (T,) or (B, T), time along the last dimension; values: (T + 1,) or (B, T + 1), the critic's
    V(s_0) .. V(s_T), where values[..., T] is the bootstrap value of the state after the last step;
    dones: rewards' shape and dtype, 1.0 where the episode ended at step t (after reward r_t), else 0.0.
    For t = T-1 down to 0, with A_T = 0:
      delta_t = r_t + gamma * V(s_{t+1}) * (1 - done_t) - V(s_t)
      A_t     = delta_t + gamma * lam * (1 - done_t) * A_{t+1}
    so an ended episode neither bootstraps from the next state nor receives the next episode's advantage.
    returns = advantages + values[..., :T]. Do not modify the inputs in place.
    """
    raise NotImplementedError
