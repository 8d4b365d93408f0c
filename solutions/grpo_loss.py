"""Reference solution: the GRPO loss (group-relative advantages, clipped surrogate, k3 KL to the reference)."""

import torch


def grpo_loss(logps: torch.Tensor, old_logps: torch.Tensor, ref_logps: torch.Tensor, rewards: torch.Tensor,
              mask: torch.Tensor, group_size: int, clip_eps: float = 0.2, beta: float = 0.04,
              eps: float = 1e-4) -> tuple[torch.Tensor, torch.Tensor]:
    """(the scalar loss, the per-sequence advantages) of one GRPO step."""
    # Each group holds the G answers sampled for one prompt, as consecutive rows.
    grouped = rewards.view(-1, group_size)
    mean = grouped.mean(dim=1, keepdim=True)
    std = grouped.std(dim=1, keepdim=True)  # the sample std (divides by G - 1), torch.std's default
    # eps keeps a group whose answers all scored the same at advantage 0 instead of 0 / 0.
    advantages = ((grouped - mean) / (std + eps)).reshape(-1)
    adv = advantages.unsqueeze(-1)  # every token of a sequence shares its advantage
    ratio = torch.exp(logps - old_logps)
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv
    # The pessimistic (smaller) of the two objectives, as in PPO.
    surrogate = torch.min(unclipped, clipped)
    # k3 estimator of KL(pi || pi_ref) per token: unbiased for samples of pi, and never negative.
    log_ratio_ref = ref_logps - logps
    kl = torch.exp(log_ratio_ref) - log_ratio_ref - 1.0
    per_token = -(surrogate - beta * kl)
    weights = mask.to(per_token.dtype)
    # Mean over each sequence's real tokens, then mean over sequences (the GRPO paper's 1/G sum 1/|o_i| sum_t).
    per_sequence = (per_token * weights).sum(dim=-1) / weights.sum(dim=-1)
    return per_sequence.mean(), advantages
