import torch.nn.functional as F


def reward_model_loss(chosen_scores, rejected_scores, margin=None):
    logits = chosen_scores - rejected_scores
    if margin is not None:
        logits = logits - margin
    return F.softplus(-logits).mean()
