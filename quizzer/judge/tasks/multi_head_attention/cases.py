"""Hidden cases and known bugs of the `multi_head_attention` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import FLOAT32_SOFTMAX, Bug, Case, Hint, build, mask, out, randn

PROJECTIONS = ("q_proj", "k_proj", "v_proj", "o_proj")


def weights(d: int) -> dict[str, Any]:
    """Random (non-initial) weights and biases for the four projections, so a missing one shows."""
    scale = d ** -0.5
    return {f"{p}.{w}": randn(d, d, scale=scale) if w == "weight" else randn(d, scale=0.5)
            for p in PROJECTIONS for w in ("weight", "bias")}


def inputs(x: tuple[int, ...], heads: int, **extra: Any) -> Any:
    """A case's inputs: x of shape `x`, d_model = x[-1], `heads` heads."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        return {"x": randn(*x).make(gen), "d_model": x[-1], "num_heads": heads,
                "params": {k: v.make(gen) for k, v in weights(x[-1]).items()},
                **{k: v.make(gen) if hasattr(v, "make") else v for k, v in extra.items()}}
    return make


def module(api: Any, a: dict[str, Any]) -> Any:
    """The candidate's module with the case's weights, in x's dtype and on x's device."""
    return build(api.MultiHeadAttention, a["d_model"], a["num_heads"], params=a["params"], like=a["x"])


def RUN(api: Any, a: dict[str, Any]) -> torch.Tensor:
    return module(api, a)(a["x"], **{k: a[k] for k in ("mask", "is_causal") if k in a})


def no_future_leak(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """With is_causal, changing x after position t leaves the outputs up to t alone (zeros expected)."""
    m, t = module(api, a), 3
    x2 = torch.cat([a["x"][..., : t + 1, :], a["x_future"]], dim=-2)
    return (m(x2, is_causal=True) - m(a["x"], is_causal=True))[..., : t + 1, :]


def batch_independent(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Batch row 1 equals the same row computed alone (zeros expected)."""
    m = module(api, a)
    return m(a["x"])[1:2] - m(a["x"][1:2])


CASES = [
    Case("example_3d", inputs((2, 5, 16), 4), hidden=False),
    Case("2d_input", inputs((5, 16), 2), extra=True),
    Case("4d_input", inputs((2, 3, 5, 16), 4), extra=True),
    Case("one_head", inputs((2, 5, 8), 1)),
    Case("eight_heads", inputs((2, 6, 32), 8)),
    Case("causal", inputs((2, 7, 16), 4, is_causal=True)),
    Case("mask_shared", inputs((2, 6, 16), 2, mask=mask(6, 6))),
    # Batch size equal to the head count: a mask broadcast against the heads instead of the batch still runs. A
    # textbook module takes an (L, L) mask; a (B, L, L) one is generality beyond it.
    Case("mask_per_batch", inputs((2, 6, 16), 2, mask=mask(2, 6, 6)), extra=True),
    Case("float64", lambda g: {**inputs((2, 5, 12), 3)(g), "x": randn(2, 5, 12, dtype="float64").make(g)},
         note=FLOAT32_SOFTMAX),
    Case("no_future_leak", inputs((2, 8, 16), 4, x_future=randn(2, 4, 16)), run=no_future_leak,
         hint="changing x after position t changed the outputs up to t: the causal mask lets positions see the future",
         hint_after=(), outputs=out("change of the outputs up to t", kind="zeros")),
    Case("batch_independent", inputs((3, 5, 16), 4), run=batch_independent,
         hint="one batch element's output depends on the others: a reshape that mixes the batch and the heads?",
         hint_after=(), outputs=out("row 1 batched minus row 1 alone", kind="zeros")),
]

_SCALE = "/ math.sqrt(self.d_head)"
BUGS = [
    Bug("scale_by_d_model", "matches scaling by 1/sqrt(d_model); each head uses 1/sqrt(d_head) = "
        "1/sqrt(d_model / num_heads)", {_SCALE: "/ math.sqrt(self.num_heads * self.d_head)"}),
    Bug("no_scale", Hint("matches attention without the 1/sqrt(d_head) scale",
                         "unscaled dot products of d_head-dimensional vectors grow like sqrt(d_head) and saturate the "
                         "softmax", "divide each head's q @ k^T by math.sqrt(d_head)"), {_SCALE: ""}),
    Bug("split_without_transpose", "matches splitting the heads with a plain reshape to (..., H, L, d_head), which "
        "mixes positions and features; view as (..., L, H, d_head), then transpose",
        {"return t.unflatten(-1, (self.num_heads, self.d_head)).transpose(-3, -2)":
         "return t.reshape(*t.shape[:-2], self.num_heads, t.shape[-2], self.d_head)"}),
    Bug("merge_without_transpose", "matches merging the heads with a plain reshape; transpose (..., H, L, d_head) "
        "back to (..., L, H, d_head) before flattening", {".transpose(-3, -2).flatten(-2)": ".reshape(x.shape)"}),
    Bug("no_o_proj", "matches skipping the output projection o_proj", {"return self.o_proj(out)": "return out"}),
    Bug("mask_across_heads", "matches a (B, L, L) mask broadcast against the heads instead of the batch; insert "
        "the head axis: mask.unsqueeze(-3)", {"~mask.unsqueeze(-3)": "~mask"}),
    Bug("softmax_over_queries", "matches a softmax over the queries (dim=-2) instead of the keys (dim=-1)",
        {"dim=-1": "dim=-2"}),
    Bug("always_causal", "matches attention that is always causal, as minGPT's CausalSelfAttention (a fixed "
        "lower-triangular mask) is; here is_causal=False lets every position attend to every other",
        {"if is_causal:": "if True:"}),
    Bug("causal_ignored", "matches ignoring is_causal", {"if is_causal:": "if False:"}),
]
