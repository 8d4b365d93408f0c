# expect diagnosis: kl_wrong_sign
# expect absent: sum over the last dimension, then average
# The closed form with its leading minus dropped: negative KLs. It reduces correctly, so a hint about reducing over
# dimensions would be wrong.
import torch


def reparameterize(mu, logvar, eps):
    return mu + torch.exp(0.5 * logvar) * eps


def kl_to_standard_normal(mu, logvar):
    kl = 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=-1)
    return kl.mean()
