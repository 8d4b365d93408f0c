"""Reference solution: a linear-chain CRF's negative log-likelihood (forward algorithm) and Viterbi decoding."""

import torch


def crf_nll(emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
            start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """log Z - score(gold tags) per sequence, shape (B,)."""
    log_z = _log_partition(emissions, mask, transitions, start, end)
    gold = _gold_score(emissions, tags, mask, transitions, start, end)
    return log_z - gold


def _gold_score(emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
                start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """The score of each sequence's gold path over its real positions, (B,)."""
    real = mask.to(emissions.dtype)
    emitted = emissions.gather(-1, tags.unsqueeze(-1)).squeeze(-1)  # (B, L): the gold tag's emission
    moved = transitions[tags[:, :-1], tags[:, 1:]]  # (B, L - 1): tag t-1 -> tag t
    score = start[tags[:, 0]] + (emitted * real).sum(-1)
    # A transition into position t exists only when position t is real.
    score = score + (moved * real[:, 1:]).sum(-1)
    last = mask.sum(-1) - 1  # index of each sequence's last real position
    last_tags = tags.gather(1, last.unsqueeze(1)).squeeze(1)
    return score + end[last_tags]


def _log_partition(emissions: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
                   start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """log Z per sequence by the forward algorithm in log space, (B,)."""
    alpha = start + emissions[:, 0]  # (B, T): log-sum of every path prefix ending in each tag
    for t in range(1, emissions.shape[1]):
        # (B, T_prev, T_next): extend every prefix ending in tag i by tag j.
        scores = alpha.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1)
        next_alpha = torch.logsumexp(scores, dim=1)
        # A finished sequence keeps its alpha: padded positions add nothing.
        alpha = torch.where(mask[:, t].unsqueeze(1), next_alpha, alpha)
    return torch.logsumexp(alpha + end, dim=1)


def viterbi_decode(emissions: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
                   start: torch.Tensor, end: torch.Tensor) -> list[list[int]]:
    """The best tag path of each sequence over its real positions."""
    score = start + emissions[:, 0]  # (B, T): best score of a path prefix ending in each tag
    backpointers = []
    for t in range(1, emissions.shape[1]):
        candidates = score.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1)
        best, best_prev = candidates.max(dim=1)
        score = torch.where(mask[:, t].unsqueeze(1), best, score)
        backpointers.append(best_prev)
    score = score + end
    lengths = mask.sum(-1).tolist()
    paths = []
    for b, length in enumerate(lengths):
        tag = int(score[b].argmax())
        path = [tag]
        # Follow the pointers back from the last real position; pointers at padded positions are never read.
        for t in range(length - 1, 0, -1):
            tag = int(backpointers[t - 1][b, tag])
            path.append(tag)
        path.reverse()
        paths.append(path)
    return paths
