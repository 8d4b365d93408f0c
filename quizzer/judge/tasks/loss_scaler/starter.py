"""Dynamic loss scaling for mixed-precision training, by hand.

Fill in the class, then run `quizzer grade` on this file.
"""


class DynamicLossScaler:
    """The loss scale of mixed-precision training, adjusted after every step.

    scale: the current scale, a plain number (starts at init_scale).
    """

    def __init__(self, init_scale: float = 2.0**16, growth_factor: float = 2.0, backoff_factor: float = 0.5,
                 growth_interval: int = 2000) -> None:
        raise NotImplementedError

    def update(self, found_inf: bool) -> None:
        """Adjust the scale after one step.

        found_inf=True (the scaled gradients overflowed, the step is skipped): scale *= backoff_factor,
        and the count of clean steps restarts from 0.
        found_inf=False: one more clean step; after growth_interval clean steps in a row,
        scale *= growth_factor and the count restarts from 0.
        Nothing bounds the scale: backing off may take it below 1.
        Forbidden: torch.amp, torch.cuda.amp.
        """
        raise NotImplementedError
