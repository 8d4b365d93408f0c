# expect message: removed: 
# expect message: (a mask: removed or kept), e.g. at
# Fills removed logits with -1e9 instead of -inf: softmax gives them ~0 probability, but the contract says -inf.
import torch


def top_k_filter(logits, k):
    kth = logits.topk(k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, -1e9)


def top_p_filter(logits, p):
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    remove = probs.cumsum(dim=-1) - probs >= p
    return logits.masked_fill(remove.scatter(-1, order, remove), -1e9)


def repetition_penalty(logits, prev_ids, penalty):
    seen = logits.gather(-1, prev_ids)
    return logits.scatter(-1, prev_ids, torch.where(seen > 0, seen / penalty, seen * penalty))
