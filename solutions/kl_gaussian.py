"""Reference solution: the VAE reparameterisation trick and the KL to a standard normal."""

import torch


def reparameterize(mu: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    """z = mu + sigma * eps, with sigma = exp(logvar / 2) and eps the given N(0, I) noise."""
    # logvar is log(sigma**2): the standard deviation is exp(0.5 * logvar), not exp(logvar).
    std = (0.5 * logvar).exp()
    return mu + std * eps


def kl_to_standard_normal(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """KL(N(mu, exp(logvar)) || N(0, I)), summed over the last dimension and averaged over the rest."""
    # Per dimension 0.5 * (sigma**2 + mu**2 - 1 - log sigma**2): never negative, 0 at mu = 0, logvar = 0.
    per_dim = -0.5 * (1.0 + logvar - mu * mu - logvar.exp())
    return per_dim.sum(dim=-1).mean()
