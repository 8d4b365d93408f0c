import torch
import torch.nn.functional as F

def info_nce(query, key, temperature=0.07):
    logits = F.normalize(query, dim=1) @ F.normalize(key, dim=1).T / temperature
    labels = torch.arange(logits.shape[0], device=logits.device)
    return (torch.logsumexp(logits, dim=1) - logits[labels, labels]).mean()
