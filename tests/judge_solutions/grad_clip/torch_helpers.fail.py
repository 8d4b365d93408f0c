# expect forbidden: torch.nn.utils.clip_grad_norm_
# Other paths to the forbidden APIs: torch 2.6's two halves of clip_grad_norm_, and the op behind F.kl_div.
import torch

def clip_grad_norm(parameters, max_norm):
    params = [p for p in parameters if p.grad is not None]
    total = torch.nn.utils.get_total_norm([p.grad for p in params])
    if total > max_norm:
        torch.nn.utils.clip_grads_with_norm_(params, max_norm, total)
    return total
