import torch

def reparameterize(mu, logvar, eps):
    return mu + eps * torch.exp(logvar / 2)

def kl_to_standard_normal(mu, logvar):
    kl = 0.5 * (mu.pow(2) + logvar.exp() - 1.0 - logvar)
    return kl.sum(dim=-1).mean()
