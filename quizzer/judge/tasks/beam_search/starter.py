"""Beam search over a next-token function, with finished hypotheses set aside and length normalisation.

Fill in the function, then run `quizzer grade` on this file.
"""

from collections.abc import Callable

import torch


def beam_search(step_fn: Callable[[list[list[int]]], torch.Tensor], bos: int, eos: int, beam_size: int,
                max_len: int, length_penalty: float = 1.0) -> list[int]:
    """Return the best hypothesis's generated tokens: a list of Python ints, without bos.

    step_fn(prefixes) takes n token lists (each starting with bos) and returns an (n, V) tensor whose row i
    holds the log-probabilities of the next token after prefixes[i]. Call it with the live hypotheses.
    Start from the single live hypothesis [bos] with score 0, then repeat at most max_len times:
      1. extend every live hypothesis by every token id 0 .. V-1; a candidate's score is its hypothesis's
         score plus that token's log-probability;
      2. rank the candidates by score, highest first; equal scores keep the order (position of the
         hypothesis in the live list, token id), lower first;
      3. keep the first beam_size candidates: those ending with eos are finished (set aside, never extended);
         the others, in rank order, are the next live hypotheses (the beam shrinks as hypotheses finish);
      4. stop early when no hypothesis is live.
    Hypotheses still live after max_len steps are finished as they are (without eos).
    The winner has the highest score / n ** length_penalty, where n counts the generated tokens (eos
    included, bos not). Among equal values the one finished first wins (an earlier step, or an earlier
    rank within a step; hypotheses finished at max_len come after those that emitted eos).
    The returned list ends with eos if the winner emitted it. Do not modify step_fn's outputs in place.
    """
    raise NotImplementedError
