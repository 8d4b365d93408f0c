"""Cosine learning-rate schedule with linear warmup, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""



def cosine_warmup_lr(step: int, warmup_steps: int, total_steps: int, max_lr: float, min_lr: float = 0.0) -> float:
    """Return the learning rate at `step` (steps count from 0) as a Python float.

    - step < warmup_steps: max_lr * step / warmup_steps (0 at step 0);
    - warmup_steps <= step < total_steps: a half cosine from max_lr (at warmup_steps) down to min_lr
      (at total_steps);
    - step >= total_steps: min_lr.
    warmup_steps may be 0; warmup_steps < total_steps.
    Forbidden: torch.optim.lr_scheduler.
    """
    raise NotImplementedError
