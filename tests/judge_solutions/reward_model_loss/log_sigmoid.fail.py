# expect failed: huge_scores, huge_scores_float64
# expect hint: F.logsigmoid
# The textbook formula typed as written: log(sigmoid(x)) is log(0) for a pair ranked the wrong way by hundreds.
import torch


def reward_model_loss(chosen_scores, rejected_scores, margin=None):
    diff = chosen_scores - rejected_scores - (0.0 if margin is None else margin)
    return -torch.log(torch.sigmoid(diff)).mean()
