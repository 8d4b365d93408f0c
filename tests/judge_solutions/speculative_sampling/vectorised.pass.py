# Vectorised: all acceptance tests at once, the first rejection found with cumprod, sampling by searchsorted on the
# unnormalised residual's running sum (compared with u times its total), acceptance written as u * q < p.
import torch


def speculative_step(draft_tokens, draft_probs, target_probs, uniforms, residual_uniform):
    k = draft_tokens.shape[0]
    idx = torch.arange(k)
    p = target_probs[idx, draft_tokens]
    q = draft_probs[idx, draft_tokens]
    accepted = uniforms * q < p
    n = int(accepted.long().cumprod(0).sum())
    if n == k:
        dist = target_probs[k]
    else:
        dist = (target_probs[n] - draft_probs[n]).clamp_min(0)
    cdf = dist.cumsum(0)
    u = torch.tensor([residual_uniform * float(cdf[-1])], dtype=cdf.dtype)
    token = int(torch.searchsorted(cdf, u, right=True))
    return draft_tokens[:n].tolist() + [min(token, dist.shape[0] - 1)]
