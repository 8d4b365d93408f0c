"""Hidden cases and known bugs of the `loss_scaler` task."""

from __future__ import annotations

from typing import Any

from quizzer.judge.spec import Bug, Case, out

F, T = False, True
OUTPUTS = out("scale history")  # the scale at construction, then after each update


def RUN(api: Any, a: dict[str, Any]) -> list[float]:
    """The scale at construction and after every update of the case's sequence of overflow flags."""
    scaler = api.DynamicLossScaler(**a["settings"])
    seen = [float(scaler.scale)]
    for found_inf in a["events"]:
        scaler.update(found_inf)
        seen.append(float(scaler.scale))
    return seen


CASES = [
    Case("example", {"settings": {"init_scale": 1024.0, "growth_interval": 3}, "events": [F, F, F, F, T, F]},
         hidden=False),
    Case("defaults", {"settings": {}, "events": [F] * 1999 + [F, F, T] + [F] * 2000},
         hint="the defaults are init_scale=2.0**16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000"),
    Case("overflow_resets_count", {"settings": {"init_scale": 8.0, "growth_interval": 4},
                                   "events": [F, F, F, T, F, F, F, F, F, T, F, F, F, F]},
         hint="an overflow restarts the count: growth needs growth_interval clean steps in a row"),
    Case("repeated_growth", {"settings": {"init_scale": 1.0, "growth_interval": 2}, "events": [F] * 9},
         hint="after a growth the count restarts, so the scale grows again after another growth_interval steps"),
    Case("custom_factors", {"settings": {"init_scale": 100.0, "growth_factor": 3.0, "backoff_factor": 0.25,
                                         "growth_interval": 2}, "events": [F, F, T, F, F, T, T, F]},
         hint="use growth_factor and backoff_factor as given; they need not be reciprocals"),
    Case("overflow_streak", {"settings": {"init_scale": 65536.0}, "events": [T, T, T, T, F, T]}),
    Case("interval_1", {"settings": {"init_scale": 8.0, "growth_factor": 1.5, "growth_interval": 1},
                        "events": [F, F, T, F, T, T, F]}, hint="growth_interval=1 grows after every clean step"),
    Case("backoff_below_one", {"settings": {"init_scale": 2.0, "growth_interval": 3}, "events": [T, T, T, F, F, F, T]},
         hint="nothing bounds the scale: repeated overflows take it below 1 (0.25 here), as torch.amp.GradScaler's "
              "would"),
]

BUGS = [
    Bug("floored_at_one", "matches a scale that never falls below 1; back off by backoff_factor every time, "
        "whatever the scale (the starter sets no floor)",
        {"self.scale *= self.backoff_factor": "self.scale = max(self.scale * self.backoff_factor, 1.0)"}),
    Bug("overflow_keeps_count", "matches keeping the clean-step count across an overflow; restart it at 0 when "
        "an overflow is found", {"self.scale *= self.backoff_factor\n            self.clean_steps = 0":
                                 "self.scale *= self.backoff_factor"}),
    Bug("no_restart_after_growth", "matches growing on every clean step once the first interval is reached; "
        "restart the count after each growth", {"if self.clean_steps == self.growth_interval:":
                                                "if self.clean_steps >= self.growth_interval:",
                                                "self.scale *= self.growth_factor\n            self.clean_steps = 0":
                                                "self.scale *= self.growth_factor"}),
    Bug("grows_one_step_late", "matches growing after growth_interval + 1 clean steps; exactly growth_interval "
        "clean steps trigger a growth", {"if self.clean_steps == self.growth_interval:":
                                         "if self.clean_steps == self.growth_interval + 1:"}),
    Bug("backoff_divides_by_growth", "matches dividing by growth_factor on overflow; multiply by backoff_factor",
        {"self.scale *= self.backoff_factor": "self.scale /= self.growth_factor"}),
    Bug("factors_swapped", "matches growing by backoff_factor and backing off by growth_factor",
        {"self.growth_factor = growth_factor": "self.growth_factor = backoff_factor",
         "self.backoff_factor = backoff_factor": "self.backoff_factor = growth_factor"}),
]
