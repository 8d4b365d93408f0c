import torch
import torch.nn.functional as F

def distillation_loss(student_logits, teacher_logits, labels, T=2.0, alpha=0.5):
    log_s = F.log_softmax(student_logits / T, dim=1)
    log_t = F.log_softmax(teacher_logits / T, dim=1)
    kd = torch.sum(F.softmax(teacher_logits / T, dim=1) * (log_t - log_s)) / student_logits.shape[0]
    return alpha * kd * T ** 2 + (1 - alpha) * F.cross_entropy(student_logits, labels)
