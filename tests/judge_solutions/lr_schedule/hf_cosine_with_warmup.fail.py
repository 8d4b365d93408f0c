# expect hint: as Hugging Face's get_cosine_schedule_with_warmup does
# Hugging Face's multiplier, here scaled between min_lr and max_lr: progress is never clamped, so past total_steps
# the cosine climbs back up.
import math


def cosine_warmup_lr(step, warmup_steps, total_steps, max_lr, min_lr=0.0):
    if step < warmup_steps:
        return max_lr * float(step) / float(max(1, warmup_steps))
    progress = float(step - warmup_steps) / float(max(1, total_steps - warmup_steps))
    factor = max(0.0, 0.5 * (1.0 + math.cos(math.pi * 0.5 * 2.0 * progress)))
    return min_lr + (max_lr - min_lr) * factor
