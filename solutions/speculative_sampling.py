"""Reference solution: one step of speculative sampling (accept or reject k draft tokens against the target)."""

import torch


def speculative_step(draft_tokens: torch.Tensor, draft_probs: torch.Tensor, target_probs: torch.Tensor,
                     uniforms: torch.Tensor, residual_uniform: float) -> list[int]:
    """The accepted draft tokens, then one token from the residual (or from target_probs[k] if all passed)."""
    out: list[int] = []
    for i in range(draft_tokens.shape[0]):
        token = int(draft_tokens[i])
        p, q = target_probs[i, token], draft_probs[i, token]
        # Accept with probability min(1, p / q): a token the target likes at least as much is always kept.
        if uniforms[i] < p / q:
            out.append(token)
            continue
        # Rejected: sample from what the target still owes, max(0, p - q), normalised.
        residual = torch.clamp(target_probs[i] - draft_probs[i], min=0)
        out.append(_sample(residual / residual.sum(), residual_uniform))
        return out
    # Every draft token passed: the target's distribution after them gives one token for free.
    out.append(_sample(target_probs[-1], residual_uniform))
    return out


def _sample(probs: torch.Tensor, u: float) -> int:
    """Inverse-CDF sampling: the smallest index whose cumulative probability exceeds u."""
    cdf = probs.cumsum(dim=0)
    # Count the entries the draw has passed; never past the last token with non-zero probability.
    index = int((cdf <= u).sum())
    return min(index, int(probs.nonzero().max()))
