"""Reference solution: the dynamic loss scale of mixed-precision training."""


class DynamicLossScaler:
    """Back the loss scale off on overflow; grow it after growth_interval clean steps in a row."""

    def __init__(self, init_scale: float = 2.0**16, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000) -> None:
        self.scale = init_scale
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self.clean_steps = 0  # consecutive steps without inf/NaN gradients

    def update(self, found_inf: bool) -> None:
        """Adjust the scale after one step; `found_inf` says whether the scaled gradients overflowed."""
        if found_inf:
            # The step was skipped: shrink the scale and count clean steps from scratch.
            self.scale *= self.backoff_factor
            self.clean_steps = 0
            return
        self.clean_steps += 1
        if self.clean_steps == self.growth_interval:
            # Long enough without overflow: try a larger scale, and start a fresh interval.
            self.scale *= self.growth_factor
            self.clean_steps = 0
