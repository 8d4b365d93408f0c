"""Hidden cases and known bugs of the `softmax_xent` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, randint, randn

RUN = call("softmax", "x")
CE = call("cross_entropy", "logits", "targets")
OUTPUTS = "probabilities"


def ce_inputs(shape: tuple[int, ...], ignored: int = 0, scale: float = 1.0, offset: float = 0.0,
              dtype: str = "float32") -> Any:
    """Logits (*shape) and targets (shape[:-1]); `ignored` positions (never the first) hold -100."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        logits = randn(*shape, dtype=dtype, scale=scale).make(gen) + offset
        targets = randint(0, shape[-1], *shape[:-1]).make(gen)
        if ignored:
            picks = torch.randperm(targets.numel() - 1, generator=gen)[:ignored] + 1
            targets.view(-1)[picks] = -100
        return {"logits": logits, "targets": targets}
    return make


def unlikely_target(gen: torch.Generator) -> dict[str, Any]:
    """Confidently wrong predictions: each target's logit sits 150 below the others."""
    logits = randn(6, 10).make(gen) * 3
    targets = randint(0, 10, 6).make(gen)
    logits[torch.arange(6), targets] = -150.0
    return {"logits": logits, "targets": targets}


def custom_ignore(gen: torch.Generator) -> dict[str, Any]:
    """ignore_index=2 is a real class id here: every target 2 is ignored, and -100 never appears."""
    targets = randint(0, 5, 3, 4).make(gen)
    targets[0, 0], targets[1, 2], targets[2, 1] = 2, 2, 4
    return {"logits": randn(3, 4, 5).make(gen), "targets": targets, "ignore_index": 2}


CASES = [
    Case("softmax_example", {"x": randn(3, 5)}, hidden=False),
    Case("softmax_dim0", {"x": randn(4, 3, 6), "dim": 0}, hint="take the softmax along the dim argument",
         hint_after=("softmax_example",)),
    Case("softmax_dim1_4d", {"x": randn(2, 3, 4, 5), "dim": 1}),
    Case("softmax_float64", {"x": randn(3, 7, dtype="float64", scale=3.0)}),
    Case("softmax_logits_1e4", {"x": randn(4, 10, scale=1e4)},
         hint="logits this large overflow exp(): subtract each row's max first", hint_on="nonfinite"),
    Case("ce_example", ce_inputs((6, 5)), run=CE, hidden=False, outputs="loss"),
    Case("ce_ignore_index", ce_inputs((8, 7), ignored=3), run=CE,
         hint="positions whose target is ignore_index count neither in the sum nor in the mean",
         hint_after=("ce_example",), outputs="loss"),
    Case("ce_3d_logits", ce_inputs((2, 5, 9), ignored=2), run=CE, hint="classes are the last dimension of logits",
         hint_after=("ce_example",), hint_on="any", outputs="loss"),
    Case("ce_custom_ignore_index", custom_ignore, run=CE, hint="use the ignore_index argument",
         hint_after=("ce_example", "ce_ignore_index"), outputs="loss"),
    Case("ce_float64", ce_inputs((5, 6), dtype="float64", ignored=1), run=CE, outputs="loss"),
    Case("ce_offset_logits", ce_inputs((5, 8), offset=-1000.0), run=CE,
         hint="logits far from 0 overflow or underflow exp(): use m + log(sum(exp(x - m))) with m the row max",
         hint_after=("ce_example",), hint_on="nonfinite", outputs="loss"),
    Case("ce_logits_1e4", ce_inputs((6, 12), scale=1e4, ignored=1), run=CE,
         hint="logits of magnitude 1e4 must give a finite loss: stable log-sum-exp",
         hint_after=("ce_example",), hint_on="nonfinite", outputs="loss"),
    Case("ce_unlikely_target", unlikely_target, run=CE,
         hint="a tiny target probability must give a large finite loss, not inf: use x_t - logsumexp(x)",
         hint_after=("ce_example",), hint_on="nonfinite", outputs="loss"),
]

_LSE_MAX = "m = flat.amax(dim=-1, keepdim=True)"
_NLL = "nll = (lse - picked) * keep.to(flat.dtype)"
_MEAN = "return nll.sum() / keep.sum().to(flat.dtype)"
BUGS = [
    Bug("softmax_no_max_shift", "matches exp(x) / sum(exp(x)) without subtracting the max, which overflows for "
        "large logits", {"shifted = x - x.amax(dim=dim, keepdim=True)": "shifted = x"}),
    Bug("softmax_ignores_dim", "matches a softmax over the last dimension whatever dim says; use the dim argument",
        {"x.amax(dim=dim, keepdim=True)": "x.amax(dim=-1, keepdim=True)",
         "e.sum(dim=dim, keepdim=True)": "e.sum(dim=-1, keepdim=True)"}),
    Bug("ce_log_of_softmax", "matches log(softmax(x)), which underflows to log(0) = -inf when the target is very "
        "unlikely; use log p_t = x_t - logsumexp(x)",
        {_NLL: "nll = -softmax(flat).gather(-1, safe_tgt.unsqueeze(-1)).squeeze(-1).log() * keep.to(flat.dtype)"}),
    Bug("ce_unshifted_logsumexp", "matches log(sum(exp(x))) without subtracting the row max m first, which "
        "overflows or underflows; use m + log(sum(exp(x - m)))", {_LSE_MAX: "m = torch.zeros_like(flat[:, :1])"}),
    Bug("ce_mean_counts_ignored", "matches dividing by every position; the mean is over the positions whose "
        "target is not ignore_index", {_MEAN: "return nll.sum() / tgt.numel()"}),
    Bug("ce_sum", "matches the sum of the per-position losses; cross_entropy returns their mean",
        {_MEAN: "return nll.sum()"}),
    Bug("ce_ignore_hardcoded", "matches ignoring -100 whatever ignore_index says; use the ignore_index argument",
        {"keep = tgt != ignore_index": "keep = tgt != -100"}),
    Bug("ce_classes_dim0", None, {"flat.gather(-1,": "flat.gather(0,"}),
]
