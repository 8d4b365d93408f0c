# torch.optim.AdamW's own arithmetic (in place, on copies): decay, lerp-style moments, addcdiv.
import math
import torch

def adamw_step(param, grad, m, v, step, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    p, m, v = param.clone(), m.clone(), v.clone()
    p.mul_(1 - lr * weight_decay)
    m.lerp_(grad, 1 - beta1)
    v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    bias1, bias2 = 1 - beta1 ** step, 1 - beta2 ** step
    denom = (v.sqrt() / math.sqrt(bias2)).add_(eps)
    p.addcdiv_(m, denom, value=-lr / bias1)
    return p, m, v
