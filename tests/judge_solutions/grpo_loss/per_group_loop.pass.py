import torch


def grpo_loss(logps, old_logps, ref_logps, rewards, mask, group_size, clip_eps=0.2, beta=0.04, eps=1e-4):
    advantages = torch.empty_like(rewards)
    for start in range(0, rewards.shape[0], group_size):
        r = rewards[start:start + group_size]
        mu = r.sum() / group_size
        sd = torch.sqrt(((r - mu) ** 2).sum() / (group_size - 1))
        advantages[start:start + group_size] = (r - mu) / (sd + eps)
    ratio = (logps - old_logps).exp()
    a = advantages[:, None]
    obj = torch.minimum(ratio * a, ratio.clamp(1 - clip_eps, 1 + clip_eps) * a)
    kl = torch.exp(ref_logps - logps) - (ref_logps - logps) - 1
    token_loss = -obj + beta * kl
    seq = (token_loss * mask).sum(-1) / mask.sum(-1)
    return seq.mean(), advantages
