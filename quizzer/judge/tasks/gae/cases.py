"""Hidden cases and known bugs of the `gae` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, rand, randn

RUN = call("gae", "rewards", "values", "dones")
OUTPUTS = out("result", "advantages", "returns")


def rollout(*shape: int, done_rate: float = 0.2, dtype: str = "float32", last_done: bool | None = None,
            **extra: float) -> Any:
    """Rewards and dones of `shape` (..., T), values (..., T + 1), episodes ending at random steps."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        rewards = randn(*shape, dtype="float64").make(gen)
        *lead, steps = shape
        values = randn(*lead, steps + 1, dtype="float64", scale=2.0).make(gen)
        dones = (rand(*shape, dtype="float64").make(gen) < done_rate).to(torch.float64)
        if last_done is not None:
            dones[..., -1] = float(last_done)
        cast = getattr(torch, dtype)
        return {"rewards": rewards.to(cast), "values": values.to(cast), "dones": dones.to(cast), **extra}
    return make


CASES = [
    Case("example_1d", rollout(8, gamma=0.9, lam=0.8), hidden=False),
    Case("batch_2d", rollout(3, 12, gamma=0.99, lam=0.95)),
    Case("no_dones", rollout(2, 10, done_rate=0.0, gamma=0.95, lam=0.9),
         hint="without dones the last step bootstraps from values[..., T]"),
    Case("done_at_last_step", rollout(3, 6, done_rate=0.0, last_done=True, gamma=0.9, lam=0.9),
         hint="a done at the last step means values[..., T] is not bootstrapped",
         hint_after=("no_dones", "monte_carlo")),
    Case("many_episodes", rollout(2, 16, done_rate=0.4, last_done=False, gamma=0.97, lam=0.9),
         hint="a done at step t masks both V(s_{t+1}) in delta_t and A_{t+1} in the recursion",
         hint_after=("no_dones", "monte_carlo")),
    Case("every_step_ends", rollout(4, 5, done_rate=1.1, gamma=0.99, lam=0.95),
         hint="when every step ends an episode, A_t = r_t - V(s_t)", hint_after=("no_dones", "monte_carlo")),
    Case("monte_carlo", rollout(2, 7, done_rate=0.0, gamma=1.0, lam=1.0),
         hint="with gamma = lam = 1 and no dones, A_t = sum of rewards from t on + V(s_T) - V(s_t)"),
    Case("td0", rollout(3, 6, gamma=0.9, lam=0.0), hint="with lam = 0, A_t is the one-step TD error delta_t"),
    Case("one_step", rollout(5, 1, gamma=0.9, lam=0.95)),
    Case("defaults", rollout(2, 9)),
    Case("float64", rollout(3, 20, dtype="float64", gamma=0.98, lam=0.92)),
    Case("long_horizon", rollout(2, 200, done_rate=0.02, gamma=0.999, lam=0.97)),
]

_DELTA = "delta = rewards[..., t] + gamma * values[..., t + 1] * not_done - values[..., t]"
_RECURSION = "next_advantage = delta + gamma * lam * not_done * next_advantage"
_RETURNS = "returns = advantages + values[..., :steps]"
BUGS = [
    Bug("no_done_mask_in_delta", "matches bootstrapping V(s_{t+1}) across an episode end; delta_t uses "
        "gamma * V(s_{t+1}) * (1 - done_t)",
        {_DELTA: "delta = rewards[..., t] + gamma * values[..., t + 1] - values[..., t]"}),
    Bug("no_done_mask_in_recursion", "matches carrying A_{t+1} across an episode end; the recursion is "
        "A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1}",
        {_RECURSION: "next_advantage = delta + gamma * lam * next_advantage"}),
    Bug("bootstrap_dropped", "matches treating values[..., T] as 0; it is the bootstrap value of the state after "
        "the last step", {_DELTA: "delta = rewards[..., t] + gamma * (values[..., t + 1] if t + 1 < steps else 0.0)"
                          " * not_done - values[..., t]"}),
    Bug("no_lambda", "matches leaving lam out of the recursion; A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1}",
        {_RECURSION: "next_advantage = delta + gamma * not_done * next_advantage"}),
    Bug("no_gamma_in_recursion", "matches decaying the recursion by lam alone; the factor is gamma * lam",
        {_RECURSION: "next_advantage = delta + lam * not_done * next_advantage"}),
    Bug("returns_are_advantages", "matches returns = advantages; returns = advantages + values[..., :T]",
        {_RETURNS: "returns = advantages"}),
    Bug("returns_next_values", "matches returns built with V(s_{t+1}); returns = advantages + values[..., :T]",
        {_RETURNS: "returns = advantages + values[..., 1:]"}),
]
