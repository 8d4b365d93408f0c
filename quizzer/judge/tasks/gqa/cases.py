"""Hidden cases and known bugs of the `gqa` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import (
    CAUSAL_BOTTOM_RIGHT,
    FLOAT32_SOFTMAX,
    Bug,
    Case,
    call,
    out,
    randn,
)

RUN = call("grouped_query_attention", "q", "k", "v")


def heads(B: int, hq: int, hkv: int, L: int, S: int, d: int = 8, dtype: str = "float32",
          **extra: Any) -> dict[str, Any]:
    """q (B, hq, L, d), k and v (B, hkv, S, d)."""
    return {"q": randn(B, hq, L, d, dtype=dtype), "k": randn(B, hkv, S, d, dtype=dtype),
            "v": randn(B, hkv, S, d, dtype=dtype), **extra}


def shared_kv(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Query heads 0 and 1 share kv head 0 (group of 2): giving both the same query must give the same output."""
    q = a["q"].clone()
    q[:, 1] = q[:, 0]
    out = api.grouped_query_attention(q, a["k"], a["v"])
    return out[:, 1] - out[:, 0]


CASES = [
    Case("example_4q_2kv", heads(1, 4, 2, 5, 5), hidden=False),
    Case("group_of_4", heads(2, 8, 2, 6, 6)),
    Case("three_kv_heads", heads(2, 6, 3, 4, 7),
         hint="query head h uses kv head h // (Hq // Hkv): heads 0,1 -> kv 0, heads 2,3 -> kv 1, ..."),
    Case("multi_query", heads(2, 4, 1, 5, 6), hint="with one kv head (multi-query attention) every query head uses it"),
    Case("multi_head", heads(2, 3, 3, 5, 5), hint="with Hq == Hkv this is ordinary multi-head attention"),
    Case("L_ne_S", heads(2, 4, 2, 3, 9, d=16)),
    Case("causal_square", heads(2, 4, 2, 6, 6, is_causal=True)),
    Case("causal_L_lt_S", heads(1, 4, 2, 4, 7, is_causal=True),
         hint="is_causal is top-left aligned, as in F.scaled_dot_product_attention: query i sees keys j <= i",
         hint_after=("example_4q_2kv", "causal_square")),
    Case("causal_L_gt_S", heads(1, 6, 2, 7, 4, is_causal=True)),
    Case("float64", heads(2, 4, 2, 5, 6, dtype="float64"), note=FLOAT32_SOFTMAX),
    Case("same_group_same_output", heads(2, 4, 2, 5, 6), run=shared_kv,
         hint="query heads 0 and 1 share kv head 0, so equal queries must give equal outputs; yours pair them with "
              "different kv heads", hint_after=(), outputs=out("head 1 minus head 0", kind="zeros")),
]

BUGS = [
    Bug("tiled_kv_heads", "matches pairing query head h with kv head h % Hkv (repeat / tile); consecutive query heads "
        "share a kv head: h // (Hq // Hkv), which is what repeat_interleave gives",
        {"k = k.repeat_interleave(group, dim=1)": "k = k.repeat(1, group, 1, 1)",
         "v = v.repeat_interleave(group, dim=1)": "v = v.repeat(1, group, 1, 1)"}),
    Bug("no_scale", "matches attention without the 1/sqrt(d) scale", {" / math.sqrt(q.shape[-1])": ""}),
    Bug("causal_bottom_right", CAUSAL_BOTTOM_RIGHT,
        {".triu(1)": ".triu(1 + n_k - n_q)"}),
    Bug("causal_ignored", "matches ignoring is_causal", {"if is_causal:": "if False:"}),
    Bug("softmax_over_queries", "matches a softmax over the queries (dim=-2); each query's weights must sum to 1 "
        "over the keys (dim=-1)", {"torch.softmax(scores, dim=-1)": "torch.softmax(scores, dim=-2)"}),
]
