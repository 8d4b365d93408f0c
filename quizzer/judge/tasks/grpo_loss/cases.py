"""Hidden cases and known bugs of the `grpo_loss` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, rand, randn

OUTPUTS = out("result", "loss", "advantages")
NAMES = ("logps", "old_logps", "ref_logps", "rewards", "mask")


def RUN(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """(loss, advantages); the case's clip_eps and beta, and eps left at its default."""
    return api.grpo_loss(*(a[k] for k in NAMES), a["group_size"], clip_eps=a["clip_eps"], beta=a["beta"])


def rollouts(prompts: int, group: int, tokens: int, *, drift: float = 0.3, ref_drift: float = 0.3,
             clip_eps: float = 0.2, beta: float = 0.04, dtype: str = "float64", binary: bool = False,
             padded: bool = True, tied_group: bool = False) -> Any:
    """prompts x group sampled sequences: old log-probs, the policy `drift` away, the reference `ref_drift` away."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        n = prompts * group
        old = -rand(n, tokens, dtype="float64", scale=3.0).make(gen)  # log-probs of sampled tokens, <= 0
        new = old + randn(n, tokens, dtype="float64", scale=drift).make(gen)
        ref = new + randn(n, tokens, dtype="float64", scale=ref_drift).make(gen)
        rewards = randn(n, dtype="float64").make(gen)
        if binary:  # verifiable rewards: each answer is right (1) or wrong (0)
            rewards = (rewards > 0).to(torch.float64)
        if tied_group:  # every answer to prompt 0 scored the same
            rewards[:group] = 0.5
        lengths = torch.randint(1, tokens + 1, (n,), generator=gen) if padded else torch.full((n,), tokens)
        mask = (torch.arange(tokens) < lengths[:, None]).to(torch.float64)
        values = (new, old, ref, rewards, mask)
        return {**{k: v.to(getattr(torch, dtype)) for k, v in zip(NAMES, values, strict=True)},
                "group_size": group, "clip_eps": clip_eps, "beta": beta}
    return make


def gradient(api: Any, a: dict[str, Any]) -> Any:
    """d loss / d logps (zero at padding); None when the loss carries no gradient."""
    logps = a["logps"].detach().requires_grad_()
    loss, _ = api.grpo_loss(logps, *(a[k] for k in NAMES[1:]), a["group_size"], clip_eps=a["clip_eps"],
                            beta=a["beta"])
    if not loss.requires_grad:
        return None
    (grad,) = torch.autograd.grad(loss, logps)
    return grad


CASES = [
    Case("example", rollouts(2, 4, 6, dtype="float32"), hidden=False),
    Case("tied_group", rollouts(3, 4, 5, dtype="float32", tied_group=True),
         hint="a group whose rewards are all equal has advantage 0 (0 / (0 + eps)), not NaN", hint_on="nonfinite"),
    Case("binary_rewards", rollouts(2, 8, 7, dtype="float32", binary=True)),
    Case("pairs_G2", rollouts(4, 2, 5, dtype="float32"),
         hint="with G = 2 the sample std (divide by G - 1) and the population std differ by sqrt(2)"),
    Case("on_policy", rollouts(2, 4, 6, dtype="float32", drift=0.0),
         hint="on the first update logps == old_logps: ratio 1, nothing is clipped"),
    Case("far_off_policy", rollouts(2, 4, 8, dtype="float32", drift=0.8),
         hint="clip the ratio to [1 - clip_eps, 1 + clip_eps] and take the min of the clipped and unclipped terms"),
    Case("clip_0_1_beta_0", rollouts(3, 3, 6, dtype="float32", clip_eps=0.1, beta=0.0),
         hint="use the clip_eps and beta passed in"),
    Case("strong_kl", rollouts(2, 4, 6, dtype="float32", beta=0.5, ref_drift=1.0),
         hint="k3 KL per token with d = ref_logps - logps: exp(d) - d - 1, subtracted from the objective"),
    Case("no_padding", rollouts(2, 3, 4, dtype="float32", padded=False)),
    Case("float64", rollouts(3, 4, 9)),
    Case("gradient", rollouts(2, 4, 6, dtype="float32", drift=0.4), run=gradient,
         hint="the loss must be differentiable w.r.t. logps, with zero gradient at padded tokens",
         hint_on="any", outputs="gradient"),
]

_GROUPED = "grouped = rewards.view(-1, group_size)"
_ADV = "advantages = ((grouped - mean) / (std + eps)).reshape(-1)"
_SEQ = "per_sequence = (per_token * weights).sum(dim=-1) / weights.sum(dim=-1)"
_KL = "kl = torch.exp(log_ratio_ref) - log_ratio_ref - 1.0"
BUGS = [
    Bug("population_std", "matches the population std (divide by G); this task uses the sample std (G - 1), "
        "torch.std's default", {"std = grouped.std(dim=1, keepdim=True)":
                                "std = grouped.std(dim=1, keepdim=True, unbiased=False)"}),
    Bug("no_std_division", "matches advantages r - mean without dividing by (std + eps)",
        {_ADV: "advantages = (grouped - mean).reshape(-1)"}),
    Bug("normalised_over_batch", "matches normalising rewards over the whole batch; normalise within each group "
        "of G consecutive sequences", {_GROUPED: "grouped = rewards.view(1, -1)"}),
    Bug("strided_groups", "matches groups taken with a stride (sequence i in group i % B); a group is G "
        "consecutive sequences", {_GROUPED: "grouped = rewards.view(group_size, -1).t()",
                                  _ADV: "advantages = ((grouped - mean) / (std + eps)).t().reshape(-1)"}),
    Bug("ratio_inverted", "matches the ratio exp(old_logps - logps); it is pi / pi_old = exp(logps - old_logps)",
        {"ratio = torch.exp(logps - old_logps)": "ratio = torch.exp(old_logps - logps)"}),
    Bug("no_clipping", "matches the unclipped objective ratio * A; take min(ratio * A, clamp(ratio, 1 - clip_eps, "
        "1 + clip_eps) * A)", {"surrogate = torch.min(unclipped, clipped)": "surrogate = unclipped"}),
    Bug("max_not_min", "matches the max of the clipped and unclipped terms; PPO's objective takes the min "
        "(the pessimistic bound)", {"surrogate = torch.min(unclipped, clipped)":
                                    "surrogate = torch.max(unclipped, clipped)"}),
    Bug("kl_k1", "matches the k1 estimator logps - ref_logps; use k3: exp(d) - d - 1 with d = ref_logps - logps",
        {_KL: "kl = -log_ratio_ref"}),
    Bug("kl_k3_reversed", "matches k3 with d the wrong way round; d = ref_logps - logps, kl = exp(d) - d - 1",
        {"log_ratio_ref = ref_logps - logps": "log_ratio_ref = logps - ref_logps"}),
    Bug("kl_sign", "matches adding the KL penalty to the objective; loss = -(surrogate - beta * kl)",
        {"per_token = -(surrogate - beta * kl)": "per_token = -(surrogate + beta * kl)"}),
    Bug("token_level_mean", "matches one mean over all real tokens of the batch (DAPO-style); this task averages "
        "each sequence over its own tokens first, then over sequences",
        {"return per_sequence.mean(), advantages": "return (per_token * weights).sum() / weights.sum(), advantages"}),
    Bug("divides_by_T", "matches dividing each sequence's masked sum by T; divide by its number of real tokens",
        {_SEQ: "per_sequence = (per_token * weights).sum(dim=-1) / weights.shape[-1]"}),
    Bug("mask_ignored", "matches averaging over padded tokens too; use the mask (1 = real token)",
        {_SEQ: "per_sequence = per_token.mean(dim=-1)"}),
    Bug("loss_detached", None,
        {"per_token = -(surrogate - beta * kl)": "per_token = -(surrogate - beta * kl).detach()"}),
]
