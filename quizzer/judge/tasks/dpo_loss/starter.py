"""Direct Preference Optimisation (DPO): the loss and the implicit rewards, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def dpo_loss(policy_chosen_logps: torch.Tensor, policy_rejected_logps: torch.Tensor,
             ref_chosen_logps: torch.Tensor, ref_rejected_logps: torch.Tensor,
             beta: float = 0.1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (losses, chosen_rewards, rejected_rewards), each of shape (B,).

    All four inputs are (B,): the summed log-probability of the chosen / rejected response of each pair
    under the policy being trained and under the frozen reference model.
    With the log-ratios  c = policy_chosen_logps - ref_chosen_logps  and
                         r = policy_rejected_logps - ref_rejected_logps:
      losses           = -log sigmoid(beta * (c - r))   per pair, not averaged;
      chosen_rewards   = beta * c;   rejected_rewards = beta * r   (the implicit rewards).
    The loss must stay finite for any margin (|beta * (c - r)| in the hundreds too), and must be
    differentiable w.r.t. the policy log-probs (the rewards may be detached). No label smoothing.
    Results have the inputs' dtype and device. Do not modify the inputs in place.
    """
    raise NotImplementedError
