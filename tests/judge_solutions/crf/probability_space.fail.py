# expect failed: nll_large_scores, viterbi_example, viterbi_ragged, viterbi_strong_transitions, viterbi_length_one, viterbi_float64
# expect hint: logsumexp
# The forward algorithm in probability space (exp, matrix product, log at the end): right for small scores,
# inf - inf = nan once a path's score passes about 88 in float32.
import torch


def crf_nll(emissions, tags, mask, transitions, start, end):
    B, L, T = emissions.shape
    alpha = torch.exp(start + emissions[:, 0])
    for t in range(1, L):
        nxt = (alpha @ torch.exp(transitions)) * torch.exp(emissions[:, t])
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    log_z = torch.log((alpha * torch.exp(end)).sum(-1))
    gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
    for t in range(1, L):
        step = transitions[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
        gold = gold + step * mask[:, t]
    last = tags.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
    return log_z - (gold + end[last])


def viterbi_decode(emissions, mask, transitions, start, end):
    raise NotImplementedError
