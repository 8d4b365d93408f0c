"""Hidden cases and known bugs of the `lr_schedule` task."""

from __future__ import annotations

from typing import Any

from quizzer.judge.spec import Bug, Case

OUTPUTS = "lr"

def RUN(api: Any, a: dict[str, Any]) -> list[float]:
    """The rate at every step of the case (min_lr only when the case gives one, to test the default)."""
    extra = {"min_lr": a["min_lr"]} if "min_lr" in a else {}
    return [api.cosine_warmup_lr(s, a["warmup_steps"], a["total_steps"], a["max_lr"], **extra) for s in a["steps"]]


def schedule(warmup: int, total: int, max_lr: float, min_lr: float | None, steps: list[int]) -> dict[str, Any]:
    """A case's inputs."""
    out: dict[str, Any] = {"warmup_steps": warmup, "total_steps": total, "max_lr": max_lr, "steps": steps}
    if min_lr is not None:
        out["min_lr"] = min_lr
    return out


CASES = [
    Case("example", schedule(10, 100, 1e-3, 1e-5, [0, 5, 10, 55, 99, 100]), hidden=False),
    Case("whole_curve", schedule(20, 200, 3e-4, 3e-5, [*range(0, 200, 7), 19, 20, 21, 199])),
    Case("warmup_ramp", schedule(8, 50, 0.1, 0.0, list(range(0, 9))),
         hint="warmup is max_lr * step / warmup_steps: 0 at step 0, max_lr at step warmup_steps"),
    Case("default_min_lr", schedule(5, 40, 1.0, None, [0, 3, 5, 10, 20, 30, 39, 40, 45]),
         hint="min_lr defaults to 0.0"),
    Case("no_warmup", schedule(0, 30, 0.5, 0.05, [0, 1, 10, 15, 29, 30]),
         hint="with warmup_steps = 0 the cosine starts at max_lr at step 0"),
    Case("after_total_steps", schedule(10, 60, 2e-4, 2e-5, [60, 61, 75, 90, 119, 500]),
         hint="after total_steps the rate stays at min_lr"),
    Case("cosine_midpoint", schedule(100, 1100, 1.0, 0.2, [100, 350, 600, 850, 1099]),
         hint="halfway through the decay (step = (warmup + total) / 2) the rate is (max_lr + min_lr) / 2"),
]

_COSINE = "min_lr + 0.5 * (max_lr - min_lr) * (1.0 + math.cos(math.pi * progress))"
BUGS = [
    Bug("warmup_step_plus_one", "matches warming up with (step + 1) / warmup_steps, as llm.c and Karpathy's "
        "build-nanogpt do; in this task the rate is 0 at step 0: max_lr * step / warmup_steps",
        {"max_lr * step / warmup_steps": "max_lr * (step + 1) / warmup_steps"}),
    Bug("decays_to_zero", "matches a cosine that decays to 0; it must end at min_lr: "
        "min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * progress))",
        {_COSINE: "0.5 * max_lr * (1.0 + math.cos(math.pi * progress))"}),
    Bug("progress_from_step_0", "matches cosine progress step / total_steps; the decay starts after warmup: "
        "(step - warmup_steps) / (total_steps - warmup_steps)",
        {"progress = (step - warmup_steps) / (total_steps - warmup_steps)": "progress = step / total_steps"}),
    Bug("no_floor_after_total", "matches letting the cosine run on after total_steps, where it rises again (as "
        "Hugging Face's get_cosine_schedule_with_warmup does); hold min_lr from total_steps on",
        {"if step >= total_steps:": "if False:"}),
    Bug("no_half", "matches the cosine without its 0.5 factor (it would start at 2 * max_lr - min_lr)",
        {_COSINE: "min_lr + (max_lr - min_lr) * (1.0 + math.cos(math.pi * progress))"}),
    Bug("warmup_inclusive", None, {"if step < warmup_steps:": "if step <= warmup_steps:"}),
]
