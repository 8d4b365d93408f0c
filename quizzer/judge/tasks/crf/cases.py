"""Hidden cases and known bugs of the `crf` task."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, randint, randn

OUTPUTS = "nll"

def sequences(lengths: Sequence[int], L: int, T: int, *, scale: float = 1.0, trans_scale: float = 1.0,
              dtype: str = "float32") -> Any:
    """Random CRF scores for len(lengths) sequences padded to L, left-aligned masks, and gold tags."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        B = len(lengths)
        emissions = randn(B, L, T, dtype=dtype, scale=scale).make(gen)
        # Padded positions hold valid but meaningless tags, as a padded batch does.
        tags = randint(0, T, B, L).make(gen)
        mask = torch.arange(L)[None, :] < torch.tensor(lengths)[:, None]
        return {"emissions": emissions, "tags": tags, "mask": mask,
                "transitions": randn(T, T, dtype=dtype, scale=trans_scale).make(gen),
                "start": randn(T, dtype=dtype).make(gen), "end": randn(T, dtype=dtype).make(gen)}
    return make


SCORES = ("transitions", "start", "end")


def RUN(api: Any, a: dict[str, Any]) -> Any:
    return api.crf_nll(a["emissions"], a["tags"], a["mask"], *(a[k] for k in SCORES))


def viterbi(api: Any, a: dict[str, Any]) -> Any:
    """The decoded paths, each tag read with int() so that 0-dim integer tensors count as ints."""
    paths = api.viterbi_decode(a["emissions"], a["mask"], *(a[k] for k in SCORES))
    return [[int(tag) for tag in path] for path in paths]


def gradient(api: Any, a: dict[str, Any]) -> Any:
    """d sum(nll) / d (emissions, transitions, start, end); None when the loss carries no gradient."""
    leaves = [a[k].detach().requires_grad_() for k in ("emissions", *SCORES)]
    nll = api.crf_nll(leaves[0], a["tags"], a["mask"], *leaves[1:])
    if not nll.requires_grad:
        return None
    return torch.autograd.grad(nll.sum(), leaves, allow_unused=True)


CASES = [
    Case("nll_example", sequences([4, 2], L=4, T=3), hidden=False),
    Case("nll_full_length", sequences([6, 6, 6], L=6, T=5)),
    Case("nll_ragged", sequences([7, 3, 1, 5, 6], L=7, T=4),
         hint="padded positions take no part: no emission, transition or end score there, and the forward "
              "recursion stops at each sequence's last real position", hint_after=("nll_example",)),
    Case("nll_length_one", sequences([1, 1, 1], L=5, T=4),
         hint="a sequence of length 1 scores start + emission + end of its single tag", hint_after=("nll_example",)),
    Case("nll_one_tag", sequences([5, 2], L=5, T=1),
         hint="with a single tag the gold path is the only path, so the nll is 0", hint_after=("nll_example",)),
    Case("nll_large_scores", sequences([12, 9], L=12, T=6, scale=40.0),
         hint="path scores reach the hundreds: stay in log space (logsumexp), never exp a path score",
         hint_after=("nll_example",), hint_on="nonfinite"),
    Case("nll_float64", sequences([5, 3, 4], L=5, T=4, dtype="float64")),
    Case("nll_gradient", sequences([5, 3], L=5, T=3), run=gradient,
         hint="the nll must stay differentiable w.r.t. emissions, transitions, start and end",
         hint_after=("nll_example",), hint_on="any", outputs="gradients"),
    Case("viterbi_example", sequences([5, 3], L=5, T=3), run=viterbi, hidden=False, outputs="best paths"),
    Case("viterbi_ragged", sequences([8, 2, 5, 1, 7], L=8, T=5), run=viterbi,
         hint="each path has exactly mask[b].sum() tags and ends at the sequence's last real position",
         hint_after=("viterbi_example",), outputs="best paths"),
    Case("viterbi_strong_transitions", sequences([9, 6], L=9, T=4, trans_scale=4.0), run=viterbi,
         hint="the best path maximises emissions plus transitions, start and end, not each position's emission",
         hint_after=("viterbi_example",), outputs="best paths"),
    Case("viterbi_length_one", sequences([1, 3, 1], L=3, T=5), run=viterbi, outputs="best paths"),
    Case("viterbi_float64", sequences([6, 4, 6], L=6, T=4, dtype="float64"), run=viterbi, outputs="best paths"),
]

_FORWARD = "scores = alpha.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1)"
_DECODE = "candidates = score.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1)"
_TRANSPOSED = ("matches reading transitions[j, i] as the score of moving from tag i to tag j; in this task "
               "transitions[i, j] scores tag i at position t - 1 followed by tag j at position t")
BUGS = [
    Bug("viterbi_in_loss", "matches log Z computed with a max over the previous tags (the Viterbi score); the "
        "partition function sums over every path: use logsumexp",
        {"next_alpha = torch.logsumexp(scores, dim=1)": "next_alpha = scores.max(dim=1).values",
         "return torch.logsumexp(alpha + end, dim=1)": "return (alpha + end).max(dim=1).values"}),
    Bug("log_likelihood", "matches the log-likelihood score - log Z; return its negative, log Z - score",
        {"return log_z - gold": "return gold - log_z"}),
    Bug("mean_nll", "matches the batch mean; return one nll per sequence, shape (B,)",
        {"return log_z - gold": "return (log_z - gold).mean()"}),
    Bug("transposed_transitions", _TRANSPOSED,
        {"moved = transitions[tags[:, :-1], tags[:, 1:]]": "moved = transitions[tags[:, 1:], tags[:, :-1]]",
         _FORWARD: _FORWARD.replace("+ transitions +", "+ transitions.T +")}),
    Bug("forward_through_padding", "matches running the forward recursion through padded positions; a "
        "sequence's alpha must stop changing after its last real position",
        {"alpha = torch.where(mask[:, t].unsqueeze(1), next_alpha, alpha)": "alpha = next_alpha"}),
    Bug("gold_emissions_unmasked", "matches adding the emissions of padded positions to the gold score",
        {"score = start[tags[:, 0]] + (emitted * real).sum(-1)": "score = start[tags[:, 0]] + emitted.sum(-1)"}),
    Bug("end_at_last_column", "matches taking end[] of the tag in the last (padded) column; the end score "
        "belongs to each sequence's last real tag",
        {"last = mask.sum(-1) - 1": "last = torch.full_like(mask.sum(-1), mask.shape[1] - 1)"}),
    Bug("no_end_scores", "matches leaving out the end scores; a path also scores end[last tag]",
        {"return score + end[last_tags]": "return score",
         "return torch.logsumexp(alpha + end, dim=1)": "return torch.logsumexp(alpha, dim=1)"}),
    Bug("no_start_scores", "matches leaving out the start scores; a path also scores start[first tag]",
        {"alpha = start + emissions[:, 0]": "alpha = emissions[:, 0]",
         "score = start[tags[:, 0]] + (emitted * real).sum(-1)": "score = (emitted * real).sum(-1)"}),
    Bug("viterbi_transposed", _TRANSPOSED, {_DECODE: _DECODE.replace("+ transitions +", "+ transitions.T +")}),
    Bug("viterbi_not_reversed", "matches returning the backtrace as collected, last tag first; reverse it",
        {"        path.reverse()\n": ""}),
    Bug("viterbi_full_length", "matches decoding every sequence to the full padded length; path b has "
        "mask[b].sum() tags", {"lengths = mask.sum(-1).tolist()": "lengths = [mask.shape[1]] * mask.shape[0]"}),
    Bug("viterbi_through_padding", "matches letting padded positions change the scores; the best path of a "
        "sequence ends at its last real position",
        {"score = torch.where(mask[:, t].unsqueeze(1), best, score)": "score = best"}),
    Bug("viterbi_no_end", "matches decoding without the end scores; the path's last tag also scores end[tag]",
        {"    score = score + end\n": ""}),
]
