import math

def cosine_warmup_lr(step, warmup_steps, total_steps, max_lr, min_lr=0.0):
    if warmup_steps > 0 and step < warmup_steps:
        return float(max_lr) * step / warmup_steps
    progress = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return min_lr + (max_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
