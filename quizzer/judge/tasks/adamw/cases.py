"""Hidden cases and known bugs of the `adamw` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, rand, randn

RUN = call("adamw_step", "param", "grad", "m", "v", "step", "lr")
OUTPUTS = out("result", "param", "m", "v")


def fresh(*shape: int, dtype: str = "float32", **hyper: Any) -> Any:
    """Step 1 from zero moments."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        param = randn(*shape, dtype=dtype).make(gen)
        return {"param": param, "grad": randn(*shape, dtype=dtype).make(gen), "m": torch.zeros_like(param),
                "v": torch.zeros_like(param), "step": 1, **hyper}
    return make


def mid_training(*shape: int, step: int, dtype: str = "float32", grad_scale: float = 1.0, **hyper: Any) -> Any:
    """A later step with moments already built up (v >= 0, consistent with the gradient scale)."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        return {"param": randn(*shape, dtype=dtype).make(gen),
                "grad": randn(*shape, dtype=dtype, scale=grad_scale).make(gen),
                "m": randn(*shape, dtype=dtype, scale=0.3 * grad_scale).make(gen),
                "v": rand(*shape, dtype=dtype, scale=grad_scale ** 2).make(gen), "step": step, **hyper}
    return make


def trajectory(api: Any, a: dict[str, Any]) -> list[torch.Tensor]:
    """Steps 1..n from zero moments, feeding each result into the next call: every parameter on the way."""
    param, grads, hyper = a["param"], a["grads"], a["hyper"]
    m, v = torch.zeros_like(param), torch.zeros_like(param)
    seen = []
    for i in range(grads.shape[0]):
        param, m, v = api.adamw_step(param, grads[i], m, v, i + 1, a["lr"], **hyper)
        seen.append(param)
    return [*seen, m, v]


CASES = [
    Case("example_first_step", fresh(3, 4, lr=1e-3), hidden=False),
    Case("mid_training", mid_training(4, 5, step=7, lr=1e-2, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1),
         hint="bias correction uses this step's number: m / (1 - beta1**step), v / (1 - beta2**step)"),
    Case("defaults", mid_training(6, step=3, lr=1e-2),
         hint="betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0 by default"),
    Case("strong_weight_decay", mid_training(3, 5, step=4, lr=0.1, weight_decay=0.5),
         hint="decoupled weight decay: param -= lr * weight_decay * param, on the parameter before the update"),
    Case("tiny_gradients", mid_training(8, step=5, grad_scale=1e-8, lr=1e-3, eps=1e-8, weight_decay=0.01),
         hint="with gradients this small eps matters: divide by sqrt(v_hat) + eps"),
    Case("float64_3d", mid_training(2, 3, 4, step=2, dtype="float64", lr=3e-3, weight_decay=0.05)),
    Case("ten_steps", {"param": randn(4, 3, dtype="float64"), "grads": randn(10, 4, 3, dtype="float64"), "lr": 0.05,
                       "hyper": {"betas": (0.85, 0.99), "eps": 1e-8, "weight_decay": 0.2}}, run=trajectory,
         hint="feeding each step's (param, m, v) into the next must follow torch.optim.AdamW step for step",
         outputs=out("trajectory")),
]

_DENOM = "denom = (v / (1.0 - beta2 ** step)).sqrt() + eps"
BUGS = [
    Bug("hf_legacy_adamw", "matches the old AdamW of Hugging Face transformers: eps added to sqrt(v) before bias "
        "correction (folded into the step size) and the weight decay applied after the update, to the updated "
        "parameter; torch.optim.AdamW adds eps to sqrt(v_hat) and decays the parameter as it was before the step",
        {"denom = (v / (1.0 - beta2 ** step)).sqrt() + eps": "denom = (v.sqrt() + eps) / (1.0 - beta2 ** step) ** 0.5",
         "new_param = decayed - lr * m_hat / denom":
         "new_param = (param - lr * m_hat / denom) * (1.0 - lr * weight_decay)"}),
    Bug("adam_plus_l2", "matches Adam with L2 regularisation (weight_decay * param added to the gradient); AdamW "
        "decays the parameter directly: param -= lr * weight_decay * param",
        {"decayed = param * (1.0 - lr * weight_decay)": "decayed = param\n    grad = grad + weight_decay * param"}),
    Bug("decay_without_lr", "matches decaying by weight_decay alone, the AdamW paper's λ·θ with only the schedule "
        "multiplier as its scale; torch.optim.AdamW, which this task follows, scales the decay by the learning rate: "
        "param * (1 - lr * weight_decay)", {"param * (1.0 - lr * weight_decay)": "param * (1.0 - weight_decay)"}),
    Bug("decay_after_update", "matches applying the weight decay after the Adam update, to the updated parameter, "
        "as the old AdamW of Hugging Face transformers did; torch.optim.AdamW decays the parameter as it was before "
        "this step", {"new_param = decayed - lr * m_hat / denom":
                                    "new_param = (param - lr * m_hat / denom) * (1.0 - lr * weight_decay)"}),
    Bug("no_bias_correction", "matches Adam without bias correction; divide m by 1 - beta1**step and v by "
        "1 - beta2**step", {"m_hat = m / (1.0 - beta1 ** step)": "m_hat = m", _DENOM: "denom = v.sqrt() + eps"}),
    Bug("eps_before_bias_correction", "matches the Adam paper's efficient form: eps added to sqrt(v) before bias "
        "correction, with step size lr·sqrt(1 - beta2**step)/(1 - beta1**step) (as the old AdamW of Hugging Face "
        "transformers computes it); torch.optim.AdamW adds eps to sqrt(v_hat)",
        {_DENOM: "denom = (v.sqrt() + eps) / (1.0 - beta2 ** step) ** 0.5"}),
    Bug("eps_inside_sqrt", "eps is inside the sqrt; torch adds it after: sqrt(v_hat) + eps",
        {_DENOM: "denom = (v / (1.0 - beta2 ** step) + eps).sqrt()"}),
    Bug("returns_old_moments", "matches returning the moments from before this step; return the updated m and v",
        {"    m = beta1 * m + (1.0 - beta1) * grad\n    v = beta2 * v + (1.0 - beta2) * grad * grad\n":
         "    m_new = beta1 * m + (1.0 - beta1) * grad\n    v_new = beta2 * v + (1.0 - beta2) * grad * grad\n",
         "m_hat = m / (1.0 - beta1 ** step)": "m_hat = m_new / (1.0 - beta1 ** step)",
         _DENOM: "denom = (v_new / (1.0 - beta2 ** step)).sqrt() + eps"}),
    Bug("updates_inputs_in_place", None, {"    m = beta1 * m + (1.0 - beta1) * grad\n":
                                          "    m = m.mul_(beta1).add_((1.0 - beta1) * grad)\n"}),
]
