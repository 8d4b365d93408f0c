"""VAE helpers: the reparameterisation trick and the KL to a standard normal, by hand.

Fill in the functions, then run `quizzer grade` on this file.
"""

import torch


def reparameterize(mu: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """Return the sample z of N(mu, exp(logvar)) built from the given standard-normal noise eps.

    mu, logvar, eps: the same shape (..., D); logvar = log(sigma**2). Do not draw new noise.
    Returns mu's shape, dtype and device. Do not modify the inputs in place.
    """
    raise NotImplementedError


def kl_to_standard_normal(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """Return KL(N(mu, exp(logvar)) || N(0, I)) as a 0-dim tensor.

    mu, logvar: (..., D). Sum the per-dimension KL over the last dimension D, then average over all the
    leading (batch) dimensions. mu's dtype and device. Forbidden: torch.distributions.
    Do not modify the inputs in place.
    """
    raise NotImplementedError
