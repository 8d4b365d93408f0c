# expect hint: as llm.c and Karpathy's build-nanogpt do
# The get_lr of Karpathy's GPT-2 reproduction: a linear warmup that is already non-zero at step 0.
import math


def cosine_warmup_lr(step, warmup_steps, total_steps, max_lr, min_lr=0.0):
    if step < warmup_steps:
        return max_lr * (step + 1) / warmup_steps
    if step > total_steps:
        return min_lr
    decay_ratio = (step - warmup_steps) / (total_steps - warmup_steps)
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (max_lr - min_lr)
