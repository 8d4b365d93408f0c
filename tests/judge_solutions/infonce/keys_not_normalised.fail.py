# expect diagnosis: only_query_normalised
# expect absent: divide the cosine similarities by the temperature
# expect absent: the positive of query i is key i
# Normalises the queries and forgets the keys; it does divide by the temperature, so that hint would be wrong.
import torch
import torch.nn.functional as F


def info_nce(query, key, temperature=0.07):
    q = F.normalize(query, dim=-1)
    logits = q @ key.t() / temperature
    log_probs = logits - torch.logsumexp(logits, dim=-1, keepdim=True)
    return -log_probs.diagonal().mean()
