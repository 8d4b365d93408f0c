"""Hidden cases and known bugs of the `attention` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import (
    CAUSAL_BOTTOM_RIGHT,
    FLOAT32_SOFTMAX,
    Bug,
    Case,
    Hint,
    call,
    mask,
    out,
    randn,
)

RUN = call("scaled_dot_product_attention", "q", "k", "v")


def no_future_leak(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Outputs up to position t must not move when the keys and values after t change (zeros expected)."""
    t = a["t"]
    out = api.scaled_dot_product_attention(a["q"], a["k"], a["v"], is_causal=True)
    k2 = torch.cat([a["k"][..., : t + 1, :], a["k_future"]], dim=-2)
    v2 = torch.cat([a["v"][..., : t + 1, :], a["v_future"]], dim=-2)
    out2 = api.scaled_dot_product_attention(a["q"], k2, v2, is_causal=True)
    return (out2 - out)[..., : t + 1, :]


def batch_independent(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Row 1 of a batch equals the same row computed alone (zeros expected)."""
    full = api.scaled_dot_product_attention(a["q"], a["k"], a["v"])
    alone = api.scaled_dot_product_attention(a["q"][1:2], a["k"][1:2], a["v"][1:2])
    return full[1:2] - alone


CASES = [
    Case("example_2d", {"q": randn(4, 8), "k": randn(6, 8), "v": randn(6, 8)}, hidden=False),
    Case("example_3d", {"q": randn(2, 5, 8), "k": randn(2, 7, 8), "v": randn(2, 7, 8)}, hidden=False),
    Case("4d_dv_ne_d", {"q": randn(2, 3, 5, 16), "k": randn(2, 3, 7, 16), "v": randn(2, 3, 7, 4)}),
    Case("L_gt_S", {"q": randn(2, 9, 8), "k": randn(2, 4, 8), "v": randn(2, 4, 6)}),
    Case("causal_square", {"q": randn(2, 2, 6, 8), "k": randn(2, 2, 6, 8), "v": randn(2, 2, 6, 8), "is_causal": True}),
    Case("causal_L_lt_S", {"q": randn(2, 4, 8), "k": randn(2, 7, 8), "v": randn(2, 7, 5), "is_causal": True}),
    Case("causal_L_gt_S", {"q": randn(2, 7, 8), "k": randn(2, 4, 8), "v": randn(2, 4, 8), "is_causal": True}),
    Case("mask_broadcast", {"q": randn(2, 3, 5, 8), "k": randn(2, 3, 6, 8), "v": randn(2, 3, 6, 8),
                            "mask": mask(5, 6)}),
    Case("mask_per_batch", {"q": randn(2, 3, 5, 8), "k": randn(2, 3, 6, 8), "v": randn(2, 3, 6, 8),
                            "mask": mask(2, 1, 5, 6)}),
    Case("mask_and_causal", {"q": randn(2, 6, 8), "k": randn(2, 6, 8), "v": randn(2, 6, 8), "mask": mask(2, 6, 6),
                             "is_causal": True}),
    Case("float64", {"q": randn(2, 5, 8, dtype="float64"), "k": randn(2, 7, 8, dtype="float64"),
                     "v": randn(2, 7, 3, dtype="float64")},
         note=FLOAT32_SOFTMAX),
    Case("large_scores", {"q": randn(2, 5, 16, scale=30.0), "k": randn(2, 6, 16, scale=30.0), "v": randn(2, 6, 8)},
         hint="scores this large overflow exp(): subtract each row's max before exponentiating", hint_on="nonfinite"),
    Case("no_future_leak", {"q": randn(2, 8, 8), "k": randn(2, 8, 8), "v": randn(2, 8, 8), "t": 3,
                            "k_future": randn(2, 4, 8), "v_future": randn(2, 4, 8)}, run=no_future_leak,
         hint="changing keys after position t changed the outputs up to t: the causal mask lets queries see the "
              "future", hint_after=(), outputs=out("change of the outputs up to t", kind="zeros")),
    Case("batch_independent", {"q": randn(3, 5, 8), "k": randn(3, 6, 8), "v": randn(3, 6, 8)}, run=batch_independent,
         hint="one batch element's output depends on the others: a reduction over the wrong dimension?", hint_after=(),
         outputs=out("row 1 batched minus row 1 alone", kind="zeros")),
]

_SCORES = "scores = q @ k.transpose(-2, -1) / math.sqrt(d)"
_MASK = 'scores = scores.masked_fill(~mask, float("-inf"))'
BUGS = [
    Bug("no_scale", Hint("matches attention without the 1/sqrt(d_k) scale",
                         "the dot product of two d_k-dimensional vectors grows like sqrt(d_k), so unscaled scores "
                         "push the softmax towards one-hot weights as d_k grows",
                         "divide q @ k^T by math.sqrt(q.shape[-1]) before the softmax"),
        {_SCORES: "scores = q @ k.transpose(-2, -1)"}),
    Bug("scale_by_d", "matches scaling the scores by 1/d_k instead of 1/sqrt(d_k)",
        {_SCORES: "scores = q @ k.transpose(-2, -1) / d"}),
    Bug("scale_by_dv", "matches scaling by 1/sqrt(d_v); the scale uses the query/key size d_k = q.shape[-1]",
        {"d = q.shape[-1]": "d = v.shape[-1]"}),
    Bug("softmax_over_queries", "matches a softmax over the queries (dim=-2); each query's weights must sum to 1 "
        "over the keys (dim=-1)", {"dim=-1": "dim=-2"}),
    Bug("causal_bottom_right", CAUSAL_BOTTOM_RIGHT, {".tril()": ".tril(S - L)"}),
    Bug("causal_flipped", "matches a flipped causal mask: queries see the future instead of the past",
        {".tril()": ".triu()"}),
    Bug("causal_ignored", "matches ignoring is_causal", {"if is_causal:": "if False:"}),
    Bug("mask_inverted", "matches treating True in the mask as 'blocked', the convention of nn.MultiheadAttention's "
        "boolean attn_mask and key_padding_mask; here, as in F.scaled_dot_product_attention, True means 'may attend'",
        {_MASK: 'scores = scores.masked_fill(mask, float("-inf"))'}),
    Bug("mask_zero_fill", "matches filling masked scores with 0 instead of -inf, so masked keys still get weight",
        {_MASK: "scores = scores.masked_fill(~mask, 0.0)"}),
    Bug("mask_ignored", "matches ignoring the mask argument", {"if mask is not None:": "if False:"}),
    Bug("k_dot_T", None, {"k.transpose(-2, -1)": "k.T"}),
]
