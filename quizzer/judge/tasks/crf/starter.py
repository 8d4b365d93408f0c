"""A linear-chain CRF: the negative log-likelihood (forward algorithm) and Viterbi decoding, by hand.

Fill in the functions, then run `quizzer grade` on this file.

Shared conventions. emissions (B, L, T): the score of tag j at position t of sequence b. transitions (T, T):
transitions[i, j] is the score of moving from tag i (at position t - 1) to tag j (at position t).
start (T,) / end (T,): the score of a sequence starting / ending with each tag. mask (B, L) bool, True at
real positions; masks are left-aligned (each row is some True values then only False) and mask[:, 0] is
always True. A sequence of length n with tags y_0 .. y_{n-1} scores
    start[y_0] + sum_t emissions[b, t, y_t] + sum_{t>=1} transitions[y_{t-1}, y_t] + end[y_{n-1}].
Padded positions take no part in anything (not in the score, not in the partition function).
"""

import torch


def crf_nll(emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
            start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """Return the negative log-likelihood of each sequence's gold tags, shape (B,), not averaged.

    tags: (B, L) int64 gold tags; at padded positions they hold arbitrary valid tags in [0, T) to ignore.
    nll = log Z - score(tags), where log Z is the log-sum-exp of the scores of every tag sequence of the
    same length, computed with the forward algorithm in log space (scores reach the hundreds, so exp of a
    score overflows). The result has emissions' dtype and device and is differentiable w.r.t. emissions,
    transitions, start and end. Do not modify the inputs in place.
    """
    raise NotImplementedError


def viterbi_decode(emissions: torch.Tensor, mask: torch.Tensor, transitions: torch.Tensor,
                   start: torch.Tensor, end: torch.Tensor) -> list[list[int]]:
    """Return the highest-scoring tag sequence of each sequence, as a list of B lists of Python ints.

    Path b has exactly mask[b].sum() tags (its real positions); its score includes start and end.
    The tests' scores are random, so the best path is unique. Do not modify the inputs in place.
    """
    raise NotImplementedError
