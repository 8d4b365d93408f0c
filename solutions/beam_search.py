"""Reference solution: beam search over a batched next-token function, with finished hypotheses set aside."""

from collections.abc import Callable

import torch


def beam_search(step_fn: Callable[[list[list[int]]], torch.Tensor], bos: int, eos: int, beam_size: int,
                max_len: int, length_penalty: float = 1.0) -> list[int]:
    """The best hypothesis's generated tokens (bos left out, eos kept if it ended with one)."""
    beams: list[tuple[list[int], float]] = [([bos], 0.0)]
    finished: list[tuple[list[int], float]] = []
    for _ in range(max_len):
        logprobs = step_fn([seq for seq, _ in beams]).tolist()  # one row of log-probs per live beam
        candidates = [(seq + [token], score + lp)
                      for (seq, score), row in zip(beams, logprobs)
                      for token, lp in enumerate(row)]
        # sorted() is stable: equal scores keep (beam, token) order, the tie-break the task asks for.
        ranked = sorted(candidates, key=lambda c: -c[1])
        best = ranked[:beam_size]
        # A hypothesis that emits eos is done: set it aside instead of extending it.
        finished += [c for c in best if c[0][-1] == eos]
        beams = [c for c in best if c[0][-1] != eos]
        if not beams:
            break
    # Hypotheses still open at max_len compete too.
    finished += beams

    def normalised(hyp: tuple[list[int], float]) -> float:
        generated = len(hyp[0]) - 1  # tokens after bos, eos included
        return hyp[1] / generated ** length_penalty

    # max() keeps the first of equal scores: the hypothesis that was set aside first.
    best_seq, _ = max(finished, key=normalised)
    return best_seq[1:]
