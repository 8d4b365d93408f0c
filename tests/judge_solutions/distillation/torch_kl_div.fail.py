# expect forbidden: torch.nn.functional.kl_div
import torch
import torch.nn.functional as F

def distillation_loss(student_logits, teacher_logits, labels, T=2.0, alpha=0.5):
    kl = torch.kl_div(F.log_softmax(student_logits / T, -1), F.log_softmax(teacher_logits / T, -1), reduction=0,
                      log_target=True).sum() / student_logits.shape[0]
    return alpha * T * T * kl + (1 - alpha) * F.cross_entropy(student_logits, labels)
