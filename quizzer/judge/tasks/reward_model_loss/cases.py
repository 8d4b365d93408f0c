"""Hidden cases and known bugs of the `reward_model_loss` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, rand, randn

RUN = call("reward_model_loss", "chosen_scores", "rejected_scores")
OUTPUTS = "loss"


def scores(n: int, dtype: str = "float32", scale: float = 1.5, margin: Any = None) -> dict[str, Any]:
    """Scores of n pairs, and the case's margin (a float or a Rand), when it has one."""
    a: dict[str, Any] = {"chosen_scores": randn(n, dtype=dtype, scale=scale),
                         "rejected_scores": randn(n, dtype=dtype, scale=scale)}
    return a if margin is None else {**a, "margin": margin}


def ties(gen: torch.Generator) -> dict[str, Any]:
    """Chosen and rejected scored the same: every pair costs log 2."""
    s = randn(6, scale=3.0).make(gen)
    return {"chosen_scores": s, "rejected_scores": s.clone()}


def gradient(api: Any, a: dict[str, Any]) -> Any:
    """d loss / d (chosen, rejected); None when the loss carries no gradient."""
    chosen = a["chosen_scores"].detach().requires_grad_()
    rejected = a["rejected_scores"].detach().requires_grad_()
    loss = api.reward_model_loss(chosen, rejected, a.get("margin"))
    if not loss.requires_grad:
        return None
    return torch.autograd.grad(loss, (chosen, rejected))


CASES = [
    Case("example", scores(4), hidden=False),
    Case("margin_float", scores(6, margin=1.0),
         hint="the margin is subtracted: -log sigmoid(chosen - rejected - margin)"),
    Case("margin_per_pair", scores(8, margin=rand(8)), hint="a (B,) margin gives each pair its own margin",
         hint_after=("example", "margin_float")),
    Case("margin_none_explicit", scores(5, margin=None) | {"margin": None}),
    Case("ties", ties, hint="equal scores give log 2 per pair", hint_after=()),
    Case("one_pair", scores(1)),
    Case("batch_64", scores(64, scale=3.0)),
    Case("float64", scores(7, dtype="float64", margin=0.5)),
    # Differences of several hundred: sigmoid underflows to 0 in float32 for the pairs ranked the wrong way.
    Case("huge_scores", scores(8, scale=150.0),
         hint="the loss must stay finite when scores differ by hundreds: use F.logsigmoid(x) or -softplus(-x)",
         hint_on="nonfinite"),
    Case("huge_scores_float64", scores(8, dtype="float64", scale=1000.0),
         hint="the loss must stay finite when scores differ by thousands, in float64 too", hint_on="nonfinite"),
    Case("gradient", scores(5, margin=0.3), run=gradient,
         hint="the loss must stay differentiable w.r.t. both scores (no .detach() or .item())",
         hint_on="any", outputs="gradients"),
]

_DIFF = "diff = chosen_scores - rejected_scores"
_RETURN = "return -F.logsigmoid(diff).mean()"
BUGS = [
    Bug("log_of_sigmoid", "matches -log(sigmoid(x)), which is log(0) = -inf once sigmoid underflows; use "
        "F.logsigmoid(x) or -softplus(-x)", {_RETURN: "return -torch.log(torch.sigmoid(diff)).mean()"}),
    Bug("margin_added", "matches adding the margin; it is subtracted: -log sigmoid(chosen - rejected - margin)",
        {"diff = diff - margin": "diff = diff + margin"}),
    Bug("margin_ignored", "matches ignoring the margin; subtract it from chosen - rejected",
        {"diff = diff - margin": "diff = diff"}),
    Bug("chosen_rejected_swapped", "matches rewarding the rejected response; the loss is -log sigmoid(chosen - "
        "rejected)", {_DIFF: "diff = rejected_scores - chosen_scores"}),
    Bug("sum_not_mean", "matches summing over pairs; take the mean", {_RETURN: "return -F.logsigmoid(diff).sum()"}),
    Bug("positive_log_sigmoid", "matches +log sigmoid(...): the loss is its negative (always positive)",
        {_RETURN: "return F.logsigmoid(diff).mean()"}),
    Bug("naive_softplus", None, {_RETURN: "return torch.log1p(torch.exp(-diff)).mean()"}),
]
