# expect hint: residual
# Looks right and runs, but a rejected position is resampled from the target itself rather than from
# max(0, p - q): tokens the draft already proposes often get their probability counted twice.
import torch


def speculative_step(draft_tokens, draft_probs, target_probs, uniforms, residual_uniform):
    out = []
    for i, tok in enumerate(draft_tokens.tolist()):
        if uniforms[i] < min(1.0, float(target_probs[i, tok] / draft_probs[i, tok])):
            out.append(tok)
        else:
            cdf = torch.cumsum(target_probs[i], 0)
            out.append(int((cdf <= residual_uniform).sum()))
            return out
    cdf = torch.cumsum(target_probs[-1], 0)
    out.append(int((cdf <= residual_uniform).sum()))
    return out
