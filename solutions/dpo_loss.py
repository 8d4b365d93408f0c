"""Reference solution: the DPO loss and its implicit rewards."""

import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps: torch.Tensor, policy_rejected_logps: torch.Tensor,
             ref_chosen_logps: torch.Tensor, ref_rejected_logps: torch.Tensor,
             beta: float = 0.1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per-pair -log sigmoid(beta * (chosen log-ratio - rejected log-ratio)), and beta * each log-ratio."""
    # How much more (in log space) the policy likes each response than the frozen reference does.
    chosen_logratios = policy_chosen_logps - ref_chosen_logps
    rejected_logratios = policy_rejected_logps - ref_rejected_logps
    logits = beta * (chosen_logratios - rejected_logratios)
    # logsigmoid stays finite where log(sigmoid(x)) underflows to log(0) (x below about -88 in float32).
    losses = -F.logsigmoid(logits)
    chosen_rewards = beta * chosen_logratios
    rejected_rewards = beta * rejected_logratios
    return losses, chosen_rewards, rejected_rewards
