"""The reward-model (Bradley-Terry) pairwise loss, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def reward_model_loss(chosen_scores: torch.Tensor, rejected_scores: torch.Tensor,
                      margin: float | torch.Tensor | None = None) -> torch.Tensor:
    """Return mean over pairs of -log sigmoid(chosen_scores - rejected_scores - margin), a 0-dim tensor.

    chosen_scores, rejected_scores: (B,) scalar rewards of the preferred and the other response of each
    pair. margin: None (no margin), a float, or a (B,) tensor with one margin per pair; it is subtracted.
    Must be numerically stable: scores differing by hundreds still give a finite loss (log(sigmoid(x))
    is not; F.logsigmoid or -softplus(-x) is). Differentiable w.r.t. the scores.
    The result has the scores' dtype and device. Do not modify the inputs in place.
    """
    raise NotImplementedError
