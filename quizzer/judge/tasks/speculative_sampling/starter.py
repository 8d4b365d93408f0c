"""Speculative sampling: accept or reject a block of draft tokens against the target model, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def speculative_step(draft_tokens: torch.Tensor, draft_probs: torch.Tensor, target_probs: torch.Tensor,
                     uniforms: torch.Tensor, residual_uniform: float) -> list[int]:
    """Return the tokens this step emits: the accepted draft tokens, then exactly one more token.

    draft_tokens: (k,) int64, the tokens the draft model sampled, x_0 .. x_{k-1}.
    draft_probs: (k, V); row i is the draft distribution q_i that x_i was sampled from.
    target_probs: (k + 1, V); row i is the target distribution p_i at the same position (row k: after x_{k-1}).
    uniforms: (k,) draws in [0, 1); residual_uniform: one draw in [0, 1). All randomness comes from these.

    For i = 0, 1, ...: accept x_i when uniforms[i] < p_i(x_i) / q_i(x_i) (so always when p_i(x_i) >= q_i(x_i)).
    At the first rejected position i, stop: emit one token sampled from the residual distribution
    max(0, p_i - q_i) / sum(max(0, p_i - q_i)). If all k are accepted, emit one token sampled from p_k.
    Sampling is inverse-CDF with residual_uniform u: the token is the smallest index j whose cumulative
    probability (the sum of the distribution over indices 0 .. j) exceeds u.
    The result has 1 to k + 1 Python ints and is distributed exactly as sampling from the target would be.
    Forbidden: torch.multinomial (and Tensor.multinomial), torch.distributions, the random module.
    Do not modify the inputs in place.
    """
    raise NotImplementedError
