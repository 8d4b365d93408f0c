"""Hidden cases and known bugs of the `alibi` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call

RUN = call("alibi_slopes", "num_heads")
OUTPUTS = "slopes"


def past_bias(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """alibi_bias with the future (j > i, masked by the caller and free) set to 0."""
    bias = api.alibi_bias(a["num_heads"], a["seq_len"])
    n = a["seq_len"]
    past = torch.ones(n, n, dtype=torch.bool, device=bias.device).tril()
    return torch.where(past, bias, torch.zeros((), dtype=bias.dtype, device=bias.device))


# The rule for other head counts is only at stake once the powers of two are right.
_POW2 = ("example_8_heads", "one_head", "4_heads", "16_heads")
_NOT_POW2 = ("for a head count that is not a power of two, take the slopes of the nearest lower power of two n, "
             "then every other slope of 2n, until there are num_heads")
CASES = [
    Case("example_8_heads", {"num_heads": 8}, hidden=False),
    Case("one_head", {"num_heads": 1}),
    Case("4_heads", {"num_heads": 4}),
    Case("16_heads", {"num_heads": 16}),
    Case("6_heads", {"num_heads": 6}, hint=_NOT_POW2, hint_after=_POW2),
    Case("12_heads", {"num_heads": 12}, hint=_NOT_POW2, hint_after=_POW2),
    Case("20_heads", {"num_heads": 20}, hint=_NOT_POW2, hint_after=_POW2),
    Case("example_bias_4x5", {"num_heads": 4, "seq_len": 5}, run=past_bias, hidden=False, outputs="bias"),
    Case("bias_8x9", {"num_heads": 8, "seq_len": 9}, run=past_bias, outputs="bias"),
    Case("bias_6x7", {"num_heads": 6, "seq_len": 7}, run=past_bias, outputs="bias"),
    Case("bias_one_token", {"num_heads": 2, "seq_len": 1}, run=past_bias, outputs="bias"),
]

_SLOPES = "return [2.0 ** (-8.0 * (h + 1) / n) for h in range(n)]"
_BIAS = "return -alibi_slopes(num_heads)[:, None, None] * distance"
BUGS = [
    Bug("bloom_key_position", "matches BLOOM's bias +slope·j: it differs from -slope·(i - j) by slope·i, the same "
        "for every key of row i, so softmax cancels it and the attention weights are equal; this task still asks "
        "for the paper's relative form, which is 0 on the diagonal and bounded by the distance, where slope·j grows "
        "with the sequence (and loses digits in half precision)",
        {_BIAS: "return alibi_slopes(num_heads)[:, None, None] * pos.to(torch.float32).expand(seq_len, seq_len)"}),
    Bug("bias_rewards_distance", "matches a bias that rewards distance, +slope·(i - j); ALiBi penalises attending "
        "far into the past: bias[h, i, j] = -slope_h·(i - j)",
        {_BIAS: "return alibi_slopes(num_heads)[:, None, None] * distance"}),
    Bug("slopes_from_h_0", "matches slopes 2^(-8h/H) from h = 0 (a first slope of 1); they are 2^(-8(h+1)/H): "
        "2^(-8/H), ..., 2^(-8)", {_SLOPES: "return [2.0 ** (-8.0 * h / n) for h in range(n)]"}),
    Bug("slopes_reversed", "matches the slopes in increasing order; head 0 has the largest slope 2^(-8/H)",
        {_SLOPES: "return [2.0 ** (-8.0 * (h + 1) / n) for h in reversed(range(n))]"}),
    Bug("integer_exponent", "matches an exponent rounded down to an integer, 2 ** (-8 * (h + 1) // H) (// for /); "
        "the slopes are 2 ** (-8 * (h + 1) / H) exactly, e.g. 2 ** -0.5 for the first of 16 heads",
        {_SLOPES: "return [2.0 ** (-8 * (h + 1) // n) for h in range(n)]"}),
    Bug("geometric_for_any_H", _NOT_POW2, {"if num_heads & (num_heads - 1) == 0:": "if True:"}),
    Bug("one_slope_for_all_heads", "matches one slope shared by every head; ALiBi gives each head its own slope "
        "(a geometric sequence over heads, not a value per layer)",
        {_BIAS: "return -alibi_slopes(num_heads)[0] * distance.expand(num_heads, -1, -1)"}),
]
