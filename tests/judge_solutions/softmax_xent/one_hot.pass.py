# Cross-entropy through a one-hot mask and an explicit log-softmax; softmax with a keepdim max.
import torch

def softmax(x, dim=-1):
    z = torch.exp(x - torch.max(x, dim=dim, keepdim=True).values)
    return z / torch.sum(z, dim=dim, keepdim=True)

def cross_entropy(logits, targets, ignore_index=-100):
    c = logits.shape[-1]
    logits, targets = logits.reshape(-1, c), targets.reshape(-1)
    valid = targets != ignore_index
    logits, targets = logits[valid], targets[valid]
    m = logits.max(dim=-1, keepdim=True).values
    log_probs = logits - m - torch.log(torch.exp(logits - m).sum(dim=-1, keepdim=True))
    one_hot = torch.nn.functional.one_hot(targets, c).to(logits.dtype)
    return -(one_hot * log_probs).sum() / valid.sum()
