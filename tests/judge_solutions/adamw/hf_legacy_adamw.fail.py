# expect hint: the old AdamW of Hugging Face transformers
# expect diagnosis: hf_legacy_adamw
# The old transformers.AdamW step: in-place moments, bias correction folded into the step size, eps added to sqrt(v),
# and the decoupled weight decay applied last, to the already updated parameter.
import math


def adamw_step(param, grad, m, v, step, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    p, exp_avg, exp_avg_sq = param.clone(), m.clone(), v.clone()
    beta1, beta2 = betas
    exp_avg.mul_(beta1).add_(grad, alpha=1.0 - beta1)
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1.0 - beta2)
    denom = exp_avg_sq.sqrt().add_(eps)
    step_size = lr * math.sqrt(1.0 - beta2 ** step) / (1.0 - beta1 ** step)
    p.addcdiv_(exp_avg, denom, value=-step_size)
    if weight_decay > 0.0:
        p.add_(p, alpha=-lr * weight_decay)
    return p, exp_avg, exp_avg_sq
