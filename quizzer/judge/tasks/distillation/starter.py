"""Knowledge-distillation loss, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor,
                      T: float = 2.0, alpha: float = 0.5) -> torch.Tensor:
    """Return alpha * T**2 * KL(p_t || p_s) + (1 - alpha) * CE(student_logits, labels).

    student_logits, teacher_logits: (N, C); labels: (N,) int64 class ids.
    p_t = softmax(teacher_logits / T), p_s = softmax(student_logits / T), over the classes;
    KL(p_t || p_s) = sum_c p_t * (log p_t - log p_s), summed over classes and averaged over the batch.
    CE is the usual mean cross-entropy of the raw student logits against the labels.
    Returns a 0-dim tensor with the logits' dtype and device.
    Forbidden: F.kl_div. Do not modify the inputs in place.
    """
    raise NotImplementedError
