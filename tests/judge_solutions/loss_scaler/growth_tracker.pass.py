# torch.amp.GradScaler's bookkeeping: a growth tracker that counts successful steps.
class DynamicLossScaler:
    def __init__(self, init_scale=2.0**16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = init_scale
        self._growth = growth_factor
        self._backoff = backoff_factor
        self._interval = growth_interval
        self._tracker = 0

    def update(self, found_inf):
        if found_inf:
            self.scale = self.scale * self._backoff
            self._tracker = 0
        else:
            successful = self._tracker + 1
            if successful == self._interval:
                self.scale = self.scale * self._growth
                self._tracker = 0
            else:
                self._tracker = successful
