# expect failed: tiny_gradients
# expect hint: matches the Adam paper's efficient form
# Decay in the right place, but the Adam paper's reordering: eps goes on sqrt(v) and the bias corrections into the step.
import math


def adamw_step(param, grad, m, v, step, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    param = param * (1 - lr * weight_decay)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    alpha_t = lr * math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
    return param - alpha_t * m / (v.sqrt() + eps), m, v
