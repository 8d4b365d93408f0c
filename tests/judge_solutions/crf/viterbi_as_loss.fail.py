# expect hint: Viterbi score
# The loss as a well-known interview write-up has it: the "forward" pass keeps the best previous tag (max), so the
# partition function is the best path's score instead of the sum over every path.
import torch


def crf_nll(emissions, tags, mask, transitions, start, end):
    B, L, T = emissions.shape
    alpha = start + emissions[:, 0]
    for t in range(1, L):
        nxt = (alpha.unsqueeze(2) + transitions).max(dim=1).values + emissions[:, t]
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    log_z = (alpha + end).max(dim=1).values
    gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
    for t in range(1, L):
        step = transitions[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
        gold = gold + step * mask[:, t]
    last = tags.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
    return log_z - (gold + end[last])


def viterbi_decode(emissions, mask, transitions, start, end):
    raise NotImplementedError
