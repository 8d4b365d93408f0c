# Hugging Face's warpers: top-k by the k-th value, top-p by an ascending sort and cumsum <= 1 - p.
import torch

def top_k_filter(logits, k):
    remove = logits < torch.topk(logits, k)[0][..., -1, None]
    return logits.masked_fill(remove, -float("inf"))

def top_p_filter(logits, p):
    sorted_logits, sorted_indices = torch.sort(logits, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_remove = cumulative <= (1 - p)
    sorted_remove[..., -1:] = 0
    remove = sorted_remove.scatter(-1, sorted_indices, sorted_remove)
    return logits.masked_fill(remove, -float("inf"))

def repetition_penalty(logits, prev_ids, penalty):
    score = torch.gather(logits, -1, prev_ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return logits.scatter(-1, prev_ids, score)
