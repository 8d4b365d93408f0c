# expect failed: huge_margins
# expect hint: F.logsigmoid
# Right formula, unstable: sigmoid underflows to 0 for a badly ranked pair with a large margin.
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    chosen = beta * (policy_chosen_logps - ref_chosen_logps)
    rejected = beta * (policy_rejected_logps - ref_rejected_logps)
    losses = -torch.log(torch.sigmoid(chosen - rejected))
    return losses, chosen, rejected
