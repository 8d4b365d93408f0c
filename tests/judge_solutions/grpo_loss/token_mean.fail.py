# expect hint: DAPO
# One mean over every real token of the batch: long answers weigh more than in the per-sequence mean asked for.
import torch


def grpo_loss(logps, old_logps, ref_logps, rewards, mask, group_size, clip_eps=0.2, beta=0.04, eps=1e-4):
    r = rewards.view(-1, group_size)
    adv = ((r - r.mean(1, keepdim=True)) / (r.std(1, keepdim=True) + eps)).flatten()
    ratio = torch.exp(logps - old_logps)
    surr = torch.min(ratio * adv[:, None], torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv[:, None])
    d = ref_logps - logps
    per_token = -(surr - beta * (torch.exp(d) - d - 1))
    return (per_token * mask).sum() / mask.sum(), adv
