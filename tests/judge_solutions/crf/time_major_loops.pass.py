# In the style of the pytorch-crf package: time-major tensors, a float mask multiplied in, a score that walks the
# gold path step by step, the normaliser by broadcast + logsumexp, and Viterbi with a history of best tags.
import torch


def _score(emissions, tags, mask, transitions, start, end):
    seq_length, batch_size = tags.shape
    mask = mask.to(emissions.dtype)
    score = start[tags[0]] + emissions[0, torch.arange(batch_size), tags[0]]
    for i in range(1, seq_length):
        score = score + transitions[tags[i - 1], tags[i]] * mask[i]
        score = score + emissions[i, torch.arange(batch_size), tags[i]] * mask[i]
    seq_ends = mask.long().sum(dim=0) - 1
    last_tags = tags[seq_ends, torch.arange(batch_size)]
    return score + end[last_tags]


def _normalizer(emissions, mask, transitions, start, end):
    score = start + emissions[0]
    for i in range(1, emissions.size(0)):
        next_score = score.unsqueeze(2) + transitions + emissions[i].unsqueeze(1)
        next_score = torch.logsumexp(next_score, dim=1)
        score = torch.where(mask[i].unsqueeze(1), next_score, score)
    return torch.logsumexp(score + end, dim=1)


def crf_nll(emissions, tags, mask, transitions, start, end):
    emissions, tags, mask = emissions.transpose(0, 1), tags.transpose(0, 1), mask.transpose(0, 1)
    return _normalizer(emissions, mask, transitions, start, end) - _score(emissions, tags, mask, transitions,
                                                                         start, end)


def viterbi_decode(emissions, mask, transitions, start, end):
    emissions, mask = emissions.transpose(0, 1), mask.transpose(0, 1)
    seq_length, batch_size = mask.shape
    score = start + emissions[0]
    history = []
    for i in range(1, seq_length):
        next_score, indices = (score.unsqueeze(2) + transitions + emissions[i].unsqueeze(1)).max(dim=1)
        score = torch.where(mask[i].unsqueeze(1), next_score, score)
        history.append(indices)
    score = score + end
    seq_ends = mask.long().sum(dim=0) - 1
    best_tags_list = []
    for idx in range(batch_size):
        _, best_last_tag = score[idx].max(dim=0)
        best_tags = [best_last_tag.item()]
        for hist in reversed(history[:seq_ends[idx]]):
            best_last_tag = hist[idx][best_tags[-1]]
            best_tags.append(best_last_tag.item())
        best_tags.reverse()
        best_tags_list.append(best_tags)
    return best_tags_list
