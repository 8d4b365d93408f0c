"""Reference solution: the Bradley-Terry pairwise loss of a reward model, with an optional margin."""

import torch
import torch.nn.functional as F


def reward_model_loss(chosen_scores: torch.Tensor, rejected_scores: torch.Tensor,
                      margin: float | torch.Tensor | None = None) -> torch.Tensor:
    """mean(-log sigmoid(chosen - rejected - margin)), computed without overflow or log(0)."""
    diff = chosen_scores - rejected_scores
    if margin is not None:
        # The chosen response must win by at least `margin` before the loss stops pushing (Llama 2).
        diff = diff - margin
    # logsigmoid is stable: log(sigmoid(x)) is log(0) = -inf once x < -88 or so in float32.
    return -F.logsigmoid(diff).mean()
