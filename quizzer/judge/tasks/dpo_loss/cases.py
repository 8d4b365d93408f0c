"""Hidden cases and known bugs of the `dpo_loss` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, randn

RUN = call("dpo_loss", "policy_chosen_logps", "policy_rejected_logps", "ref_chosen_logps", "ref_rejected_logps")
NAMES = ("policy_chosen_logps", "policy_rejected_logps", "ref_chosen_logps", "ref_rejected_logps")
OUTPUTS = out("result", "losses", "chosen_rewards", "rejected_rewards")


def pairs(n: int, beta: float, dtype: str = "float32", drift: float = 3.0) -> Any:
    """Sequence log-probs of n pairs: the reference's, and the policy's drifted from them by about `drift`."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        ref_c = -30.0 - randn(n, dtype="float64", scale=8.0).make(gen).abs()
        ref_r = -30.0 - randn(n, dtype="float64", scale=8.0).make(gen).abs()
        pol_c = ref_c + randn(n, dtype="float64", scale=drift).make(gen)
        pol_r = ref_r + randn(n, dtype="float64", scale=drift).make(gen)
        values = (pol_c, pol_r, ref_c, ref_r)
        return {**{k: v.to(getattr(torch, dtype)) for k, v in zip(NAMES, values, strict=True)}, "beta": beta}
    return make


def untrained(gen: torch.Generator) -> dict[str, Any]:
    """The policy is still the reference: every loss is log 2 and every reward 0."""
    chosen, rejected = randn(5, scale=10.0).make(gen) - 40.0, randn(5, scale=10.0).make(gen) - 40.0
    return {"policy_chosen_logps": chosen, "policy_rejected_logps": rejected, "ref_chosen_logps": chosen.clone(),
            "ref_rejected_logps": rejected.clone(), "beta": 0.1}


def gradient(api: Any, a: dict[str, Any]) -> Any:
    """d sum(losses) / d policy log-probs (chosen, rejected); None where the loss carries no gradient."""
    chosen = a["policy_chosen_logps"].detach().requires_grad_()
    rejected = a["policy_rejected_logps"].detach().requires_grad_()
    losses = api.dpo_loss(chosen, rejected, a["ref_chosen_logps"], a["ref_rejected_logps"], beta=a["beta"])[0]
    if not losses.requires_grad:
        return None
    return torch.autograd.grad(losses.sum(), (chosen, rejected))


CASES = [
    Case("example", pairs(4, beta=0.1), hidden=False),
    Case("beta_0_5", pairs(6, beta=0.5), hint="use the beta passed in, on the loss and on the rewards"),
    Case("beta_2", pairs(5, beta=2.0, drift=1.0)),
    Case("policy_is_reference", untrained,
         hint="when the policy equals the reference every loss is log 2 and every reward is 0", hint_after=()),
    Case("one_pair", pairs(1, beta=0.3)),
    Case("batch_32", pairs(32, beta=0.05, drift=10.0)),
    Case("float64", pairs(7, beta=0.2, dtype="float64")),
    # beta * margin reaches about +-300: sigmoid underflows to 0 in float32 for the pairs the policy gets wrong.
    Case("huge_margins", pairs(8, beta=1.0, drift=200.0),
         hint="the loss must stay finite for huge margins: use F.logsigmoid(x) (or -softplus(-x)), "
              "not log(sigmoid(x))", hint_on="nonfinite"),
    Case("gradient", pairs(6, beta=0.5), run=gradient,
         hint="the loss must stay differentiable w.r.t. the policy log-probs (no .detach(), .item() or no_grad)",
         hint_on="any", outputs="gradients"),
]

_LOGITS = "logits = beta * (chosen_logratios - rejected_logratios)"
_LOSS = "losses = -F.logsigmoid(logits)"
BUGS = [
    Bug("mean_loss", "matches returning the batch mean; return the per-pair losses, shape (B,)",
        {_LOSS: _LOSS + ".mean()"}),
    Bug("log_of_sigmoid", "matches -log(sigmoid(x)), which underflows to log(0) = -inf for large margins; use "
        "F.logsigmoid(x) (or -softplus(-x))", {_LOSS: "losses = -torch.log(torch.sigmoid(logits))"}),
    Bug("chosen_rejected_swapped", "matches preferring the rejected response; the margin is (chosen log-ratio) - "
        "(rejected log-ratio)", {_LOGITS: "logits = beta * (rejected_logratios - chosen_logratios)"}),
    Bug("no_reference", "matches leaving the reference model out of the loss; the margin compares log-ratios "
        "log pi - log pi_ref", {_LOGITS: "logits = beta * (policy_chosen_logps - policy_rejected_logps)"}),
    Bug("no_beta_in_loss", "matches the loss without beta; it is -log sigmoid(beta * margin)",
        {_LOGITS: "logits = chosen_logratios - rejected_logratios"}),
    Bug("positive_log_sigmoid", "matches +log sigmoid(...): the loss is its negative, -log sigmoid(beta * margin) "
        "(always positive)", {_LOSS: "losses = F.logsigmoid(logits)"}),
    Bug("rewards_without_beta", "matches rewards without beta; the implicit reward is beta * (log pi - log pi_ref)",
        {"chosen_rewards = beta * chosen_logratios": "chosen_rewards = chosen_logratios",
         "rejected_rewards = beta * rejected_logratios": "rejected_rewards = rejected_logratios"}),
    Bug("rewards_without_reference", "matches rewards beta * log pi; the implicit reward is relative to the "
        "reference: beta * (log pi - log pi_ref)",
        {"chosen_rewards = beta * chosen_logratios": "chosen_rewards = beta * policy_chosen_logps",
         "rejected_rewards = beta * rejected_logratios": "rejected_rewards = beta * policy_rejected_logps"}),
    Bug("loss_detached", None, {_LOSS: "losses = -F.logsigmoid(logits.detach())"}),
]
