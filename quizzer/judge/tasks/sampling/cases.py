"""Hidden cases and known bugs of the `sampling` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, randint, randn

OUTPUTS = out("result", out("removed", kind="mask", labels=("kept", "removed")), "kept logits")

def _split(out: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(which entries are -inf, the logits with those entries zeroed): a filled-in -1e9 is not -inf."""
    removed = out == float("-inf")
    return removed, out.masked_fill(removed, 0.0)


def RUN(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    return _split(api.top_k_filter(a["logits"], a["k"]))


def top_p(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    return _split(api.top_p_filter(a["logits"], a["p"]))


def penalty(api: Any, a: dict[str, Any]) -> torch.Tensor:
    return api.repetition_penalty(a["logits"], a["prev_ids"], a["penalty"])


def repeated_ids(gen: torch.Generator) -> dict[str, Any]:
    """Every row repeats some ids (a token generated several times), with positive and negative logits."""
    prev = randint(0, 12, 3, 4).make(gen)
    return {"logits": randn(3, 12, scale=2.0).make(gen), "prev_ids": torch.cat([prev, prev[:, :2]], dim=-1),
            "penalty": 1.5}


CASES = [
    Case("top_k_example", {"logits": randn(2, 10), "k": 3}, hidden=False),
    Case("top_k_3d", {"logits": randn(2, 3, 16), "k": 5}),
    Case("top_k_1", {"logits": randn(4, 9), "k": 1}, hint="k=1 keeps exactly the largest logit of each row",
         hint_after=("top_k_example",)),
    Case("top_k_all", {"logits": randn(3, 7), "k": 7}, hint="k = V keeps every logit", hint_after=("top_k_example",)),
    Case("top_k_float64", {"logits": randn(3, 20, dtype="float64"), "k": 6}),
    Case("top_p_example", {"logits": randn(2, 12, scale=2.0), "p": 0.9}, run=top_p, hidden=False),
    Case("top_p_half", {"logits": randn(2, 3, 20, scale=3.0), "p": 0.5}, run=top_p,
         hint="keep the smallest set of most likely tokens whose probability sum reaches p, including the token "
              "that crosses p", hint_after=("top_p_example",)),
    Case("top_p_tiny_p", {"logits": randn(4, 10), "p": 0.01}, run=top_p,
         hint="the most likely token is always kept, even when its probability alone exceeds p",
         hint_after=("top_p_example",)),
    Case("top_p_float64", {"logits": randn(3, 30, dtype="float64", scale=2.0), "p": 0.75}, run=top_p),
    Case("penalty_example", {"logits": randn(2, 10, scale=2.0), "prev_ids": randint(0, 10, 2, 3), "penalty": 1.3},
         run=penalty, hidden=False, outputs="logits"),
    Case("penalty_repeated_ids", repeated_ids, run=penalty,
         hint="an id that occurs several times in prev_ids is penalised once",
         hint_after=("penalty_example",), outputs="logits"),
    Case("penalty_1d", {"logits": randn(16, scale=2.0), "prev_ids": randint(0, 16, 6), "penalty": 2.0}, run=penalty,
         outputs="logits"),
    Case("penalty_float64", {"logits": randn(2, 3, 12, dtype="float64", scale=2.0), "prev_ids": randint(0, 12, 2, 3, 5),
                             "penalty": 1.2}, run=penalty, outputs="logits"),
]

_CUMSUM = "mass_before = probs.cumsum(dim=-1) - probs"
_WHERE = "penalised = torch.where(seen > 0, seen / penalty, seen * penalty)"
BUGS = [
    Bug("top_k_keeps_k_minus_1", "matches keeping only k - 1 tokens: the k-th largest logit must survive "
        "(remove logits < the k-th largest, not <=)",
        {"logits.masked_fill(logits < kth,": "logits.masked_fill(logits <= kth,"}),
    Bug("top_k_fills_large_negative", "matches filling removed logits with a large negative number; set them to "
        "-inf so their probability is exactly 0", {'logits.masked_fill(logits < kth, float("-inf"))':
                                                   "logits.masked_fill(logits < kth, -1e9)"}),
    Bug("top_p_drops_crossing_token", "matches dropping the token whose probability makes the sum reach p; keep "
        "it (decide by the mass before each token)", {_CUMSUM: "mass_before = probs.cumsum(dim=-1)"}),
    Bug("top_p_can_remove_all", "matches removing every token when the top-1 probability alone exceeds p; always "
        "keep the most likely token", {_CUMSUM: "mass_before = probs.cumsum(dim=-1)",
                                       "remove_sorted[..., 0] = False": "pass"}),
    Bug("top_p_sums_logits", "matches summing raw logits; top-p sums probabilities (softmax first)",
        {"probs = sorted_logits.softmax(dim=-1)": "probs = sorted_logits"}),
    Bug("top_p_unsorted", "matches summing probabilities in vocabulary order; sort them in descending order first",
        {"sorted_logits, order = logits.sort(dim=-1, descending=True)":
         "sorted_logits, order = logits, torch.arange(logits.shape[-1]).expand_as(logits)"}),
    Bug("penalty_divides_all", "matches dividing every seen logit by the penalty; a negative logit must be "
        "multiplied, or dividing makes it more likely", {_WHERE: "penalised = seen / penalty"}),
    Bug("penalty_per_occurrence", "matches penalising an id once per occurrence; an id seen several times is "
        "penalised once",
        {"    seen = logits.gather(-1, prev_ids)\n": "    for j in range(prev_ids.shape[-1]):\n"
         "        ids = prev_ids[..., j:j + 1]\n        s = logits.gather(-1, ids)\n"
         "        logits = logits.scatter(-1, ids, torch.where(s > 0, s / penalty, s * penalty))\n"
         "    return logits\n"}),
]
