"""Hidden cases and known bugs of the `beam_search` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, randn

OUTPUTS = "tokens"
MIX = 5  # the toy model also looks at sum(prefix) % MIX, so a prefix must be tracked whole, not just its last token


def model(V: int, *, bos: int = 0, eos: int = 1, beam_size: int = 3, max_len: int = 6, length_penalty: float = 1.0,
          eos_ramp: float = 0.8, scale: float = 1.5, dtype: str = "float32", rounded: bool = False,
          banned: tuple[int, ...] = (), uniform: bool = False) -> Any:
    """A toy language model as tables, and the search's arguments.

    Next-token logits = table[last token] + position[len(prefix) - 1] + mix[sum(prefix) % MIX]; eos gains
    eos_ramp per position (hypotheses finish at various lengths; a negative ramp keeps eos unlikely). rounded:
    whole-number logits, so that many candidates tie; banned: tokens whose log-probability is -inf; uniform:
    every next token equally likely, so that every candidate of a step ties exactly (in any dtype).
    """
    def make(gen: torch.Generator) -> dict[str, Any]:
        table = randn(V, V, dtype="float64", scale=scale).make(gen)
        position = randn(max_len + 1, V, dtype="float64", scale=scale / 2).make(gen)
        position[:, eos] += eos_ramp * torch.arange(max_len + 1, dtype=torch.float64) - 1.5
        mix = randn(MIX, V, dtype="float64", scale=scale / 2).make(gen)
        if rounded:
            table, position, mix = table.round(), position.round(), mix.round()
        if uniform:
            table, position, mix = table * 0, position * 0, mix * 0
        bias = torch.zeros(V, dtype=torch.float64)
        bias[list(banned)] = float("-inf")
        cast = getattr(torch, dtype)
        return {"table": table.to(cast), "position": position.to(cast), "mix": mix.to(cast), "bias": bias.to(cast),
                "bos": bos, "eos": eos, "beam_size": beam_size, "max_len": max_len, "length_penalty": length_penalty}
    return make


def step_function(a: dict[str, Any]) -> Any:
    """The case's step_fn: (n, V) log-probabilities, in the tables' dtype, for a list of n prefixes."""
    table, position, mix, bias = a["table"], a["position"], a["mix"], a["bias"]

    def step_fn(prefixes: Any) -> torch.Tensor:
        rows = []
        for prefix in prefixes:
            tokens = [int(t) for t in prefix]
            rows.append(table[tokens[-1]] + position[min(len(tokens) - 1, position.shape[0] - 1)]
                        + mix[sum(tokens) % MIX] + bias)
        if not rows:
            return table.new_zeros(0, table.shape[1])
        return torch.stack(rows).log_softmax(-1)
    return step_fn


def RUN(api: Any, a: dict[str, Any]) -> list[int]:
    """The returned tokens, each read with int() so that 0-dim integer tensors count as ints."""
    out = api.beam_search(step_function(a), a["bos"], a["eos"], a["beam_size"], a["max_len"],
                          length_penalty=a["length_penalty"])
    return [int(t) for t in out]


CASES = [
    Case("example", model(6, beam_size=2, max_len=5), hidden=False),
    Case("beam_1_is_greedy", model(8, beam_size=1, max_len=7), hint="with beam_size 1 beam search is greedy decoding"),
    Case("wide_beam", model(10, beam_size=5, max_len=8)),
    Case("beam_wider_than_vocab", model(4, beam_size=7, max_len=5)),
    Case("penalty_0", model(8, beam_size=4, max_len=7, length_penalty=0.0),
         hint="length_penalty 0 compares raw sums of log-probabilities, which favours short hypotheses"),
    Case("mild_penalty", model(5, beam_size=3, max_len=6, length_penalty=0.6, eos_ramp=2.0),
         hint="n counts the generated tokens, eos included and bos not"),
    Case("length_matters", model(9, beam_size=2, max_len=4, eos_ramp=0.5)),
    Case("refill_matters", model(5, beam_size=2, max_len=6, eos_ramp=1.0),
         hint="keep only the top beam_size candidates of each step; those ending with eos leave the beam"),
    Case("strong_penalty", model(8, beam_size=4, max_len=8, length_penalty=2.0, eos_ramp=0.4)),
    Case("no_eos_before_max_len", model(7, beam_size=3, max_len=5, banned=(1,)),
         hint="when max_len is reached, the live hypotheses are finished as they are and compete too"),
    Case("eos_likely_early", model(7, beam_size=3, max_len=6, eos_ramp=3.0)),
    Case("all_tied", model(5, eos=2, beam_size=3, max_len=4, uniform=True),
         hint="every candidate ties here: rank by (hypothesis position, token id), and among equal normalised "
              "scores the hypothesis finished first wins"),
    Case("ties", model(6, beam_size=3, max_len=6, scale=1.0, rounded=True, dtype="float64"),
         hint="equal scores keep (hypothesis position in the live list, token id) order, lower first; a stable "
              "sort gives it, torch.topk does not promise it"),
    Case("other_bos_eos", model(9, bos=7, eos=4, beam_size=3, max_len=6)),
    Case("max_len_1", model(6, beam_size=3, max_len=1, eos_ramp=4.0)),
    Case("float64", model(8, beam_size=3, max_len=6, dtype="float64")),
]

_NORMALISED = "return hyp[1] / generated ** length_penalty"
_KEEP = "beams = [c for c in best if c[0][-1] != eos]"
BUGS = [
    Bug("refills_beam", "matches refilling the beam with lower-ranked candidates when some finish; here only the "
        "top beam_size candidates survive a step, so the beam shrinks as hypotheses finish",
        {_KEEP: "beams = [c for c in ranked if c[0][-1] != eos][:beam_size]"}),
    Bug("extends_finished", "matches extending hypotheses after they emit eos; set each aside when it emits eos",
        {_KEEP: "beams = best"}),
    Bug("drops_unfinished", "matches ignoring the hypotheses still live at max_len; they are finished as they "
        "are and compete too", {"    finished += beams\n": ""}),
    Bug("length_counts_bos", "matches a length that counts bos; n is the number of generated tokens, eos included",
        {"generated = len(hyp[0]) - 1": "generated = len(hyp[0])"}),
    Bug("length_without_eos", "matches a length that leaves eos out; n counts every generated token, eos included",
        {"generated = len(hyp[0]) - 1": "generated = max(1, len(hyp[0]) - 1 - (hyp[0][-1] == eos))"}),
    Bug("raw_scores", "matches choosing by the raw sum of log-probabilities; divide by n ** length_penalty",
        {_NORMALISED: "return hyp[1]"}),
    Bug("penalty_multiplies", "matches multiplying by n ** length_penalty; normalise by dividing: "
        "score / n ** length_penalty", {_NORMALISED: "return hyp[1] * generated ** length_penalty"}),
    Bug("ties_reversed", "matches breaking ties towards the later hypothesis and the larger token id; equal "
        "scores keep (hypothesis position, token id) order, lower first",
        {"ranked = sorted(candidates, key=lambda c: -c[1])": "ranked = sorted(candidates, key=lambda c: c[1])[::-1]"}),
    Bug("returns_bos", "matches returning bos too; return only the generated tokens",
        {"return best_seq[1:]": "return best_seq"}),
]
