"""Reference solution: knowledge-distillation loss (soft-target KL plus hard-label cross-entropy)."""

import torch
import torch.nn.functional as F


def distillation_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor,
                      T: float = 2.0, alpha: float = 0.5) -> torch.Tensor:
    """alpha * T**2 * KL(softmax(teacher/T) || softmax(student/T)) + (1 - alpha) * CE(student, labels)."""
    log_p_s = F.log_softmax(student_logits / T, dim=-1)
    log_p_t = F.log_softmax(teacher_logits / T, dim=-1)
    # KL with the teacher as the reference distribution; summed over classes, averaged over the batch.
    kl = (log_p_t.exp() * (log_p_t - log_p_s)).sum(dim=-1).mean()
    # The soft-target gradients shrink like 1/T**2; T**2 keeps the two terms on the same scale.
    soft = kl * T * T
    # The hard-label term uses the raw student logits, not the softened ones.
    hard = F.cross_entropy(student_logits, labels)
    return alpha * soft + (1.0 - alpha) * hard
