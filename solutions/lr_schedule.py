"""Reference solution: linear warmup, then a cosine decay from max_lr to min_lr."""

import math


def cosine_warmup_lr(step: int, warmup_steps: int, total_steps: int, max_lr: float, min_lr: float = 0.0) -> float:
    """The learning rate at `step`."""
    if step < warmup_steps:
        return max_lr * step / warmup_steps
    if step >= total_steps:
        # Past the end the cosine would rise again: hold the floor instead.
        return float(min_lr)
    # Progress through the decay phase only, from the end of warmup (0) to total_steps (1).
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + 0.5 * (max_lr - min_lr) * (1.0 + math.cos(math.pi * progress))
