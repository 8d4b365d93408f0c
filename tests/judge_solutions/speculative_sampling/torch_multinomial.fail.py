# expect forbidden: torch.multinomial
# Samples with torch.multinomial instead of the given draws, so the result is not a function of the inputs.
import torch


def speculative_step(draft_tokens, draft_probs, target_probs, uniforms, residual_uniform):
    out = []
    for i, tok in enumerate(draft_tokens.tolist()):
        if uniforms[i] < target_probs[i, tok] / draft_probs[i, tok]:
            out.append(tok)
            continue
        residual = (target_probs[i] - draft_probs[i]).clamp(min=0)
        out.append(int(torch.multinomial(residual / residual.sum(), 1)))
        return out
    out.append(int(torch.multinomial(target_probs[-1], 1)))
    return out
