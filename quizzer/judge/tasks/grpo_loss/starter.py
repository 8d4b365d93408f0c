"""Group Relative Policy Optimisation (GRPO): the loss of one update step, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def grpo_loss(logps: torch.Tensor, old_logps: torch.Tensor, ref_logps: torch.Tensor, rewards: torch.Tensor,
              mask: torch.Tensor, group_size: int, clip_eps: float = 0.2, beta: float = 0.04,
              eps: float = 1e-4) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (loss, advantages): the GRPO loss as a 0-dim tensor and the advantages, shape (N,).

    N = B * G sequences of T tokens. logps, old_logps, ref_logps: (N, T) per-token log-probs of the
    sampled tokens under the policy being trained, the policy that sampled them, and the frozen reference.
    rewards: (N,), one scalar per sequence. The groups are consecutive: rows g*G .. g*G + G - 1 are the
    G = group_size answers to prompt g. mask: (N, T), 1.0 = real token, 0.0 = padding, logps' dtype
    (every row has at least one real token; padded positions hold arbitrary finite values).

    1. advantage of sequence i in group g: A_i = (r_i - mean_g) / (std_g + eps), with std_g the SAMPLE
       standard deviation of the group (divide by G - 1, torch.std's default); G >= 2.
    2. per token: ratio = exp(logps - old_logps);
       surrogate = min(ratio * A_i, clamp(ratio, 1 - clip_eps, 1 + clip_eps) * A_i).
    3. per token, the k3 KL estimator with d = ref_logps - logps:  kl = exp(d) - d - 1.
    4. per-token loss = -(surrogate - beta * kl).
    5. aggregation: the mean over each sequence's real tokens (mask), then the mean over the N sequences.
    The loss must be differentiable w.r.t. logps (advantages are constants). Results have logps' dtype
    and device. Do not modify the inputs in place.
    """
    raise NotImplementedError
