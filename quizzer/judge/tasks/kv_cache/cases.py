"""Hidden cases and known bugs of the `kv_cache` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import FLOAT32_SOFTMAX, Bug, Case, out, randn

OUTPUTS = out("result", "step outputs", "cache.k", "cache.v")

def qkv(B: int, H: int, T: int, d: int, dtype: str = "float32", **extra: Any) -> dict[str, Any]:
    """q, k, v of shape (B, H, T, d) and the case's other inputs."""
    return {"q": randn(B, H, T, d, dtype=dtype), "k": randn(B, H, T, d, dtype=dtype),
            "v": randn(B, H, T, d, dtype=dtype), **extra}


def RUN(api: Any, a: dict[str, Any]) -> tuple[list[torch.Tensor], Any, Any]:
    """Feed the sequence through cached_attention chunk by chunk: every step's output, then the cache's k and v."""
    cache = api.KVCache()
    outputs, start = [], 0
    for n in a["chunks"]:
        step = slice(start, start + n)
        outputs.append(api.cached_attention(a["q"][..., step, :], a["k"][..., step, :], a["v"][..., step, :], cache))
        start += n
    return outputs, cache.k, cache.v


def empty(api: Any, a: dict[str, Any]) -> tuple[Any, Any]:
    """A new cache holds nothing yet."""
    cache = api.KVCache()
    return cache.k, cache.v


def appended(api: Any, a: dict[str, Any]) -> tuple[Any, Any]:
    """Two appends of 3 and 2 positions: the cache holds all 5, in order."""
    cache = api.KVCache()
    cache.append(a["k"][..., :3, :], a["v"][..., :3, :])
    cache.append(a["k"][..., 3:, :], a["v"][..., 3:, :])
    return cache.k, cache.v


def after_prefix(api: Any, a: dict[str, Any]) -> Any:
    """A cache filled by append() with a prefix, then cached_attention on the next chunk of new tokens."""
    cache = api.KVCache()
    p = a["prefix"]
    cache.append(a["k"][..., :p, :], a["v"][..., :p, :])
    return api.cached_attention(a["q"][..., p:, :], a["k"][..., p:, :], a["v"][..., p:, :], cache)


CASES = [
    Case("example_token_by_token", qkv(1, 2, 4, 8, chunks=[1, 1, 1, 1]), hidden=False),
    Case("empty_cache", {}, run=empty, hint="a new KVCache has k = v = None until the first append",
         hint_after=(), hint_on="any", outputs=out("cache", "cache.k", "cache.v")),
    Case("append_concatenates", qkv(2, 3, 5, 4), run=appended,
         hint="append() concatenates along the time axis: (B, H, T, d) grows in T (dim -2), oldest first",
         hint_after=(), hint_on="any", outputs=out("cache", "cache.k", "cache.v")),
    Case("token_by_token", qkv(2, 3, 9, 8, chunks=[1] * 9)),
    Case("whole_prompt_at_once", qkv(2, 2, 7, 8, chunks=[7]),
         hint="a whole prompt in one call is ordinary causal attention: query i sees keys 0 .. i"),
    Case("prefill_then_decode", qkv(2, 2, 10, 8, chunks=[6, 1, 1, 1, 1]),
         hint="new query i sits at absolute position past + i and sees keys 0 .. past + i",
         hint_after=("example_token_by_token", "whole_prompt_at_once")),
    Case("uneven_chunks", qkv(1, 4, 11, 16, chunks=[3, 4, 1, 3]),
         hint="within a chunk of several new tokens, query past + i sees keys up to past + i, not the later ones",
         hint_after=("example_token_by_token", "whole_prompt_at_once")),
    Case("append_then_attend", qkv(2, 2, 8, 8, prefix=5), run=after_prefix,
         hint="cached_attention must use what is already in the cache (here filled by append) plus the new keys",
         hint_after=("example_token_by_token", "append_concatenates"), outputs="output"),
    Case("float64", qkv(2, 2, 6, 8, dtype="float64", chunks=[2, 1, 3]), note=FLOAT32_SOFTMAX),
    Case("head_dim_1", qkv(1, 3, 5, 1, chunks=[2, 3])),
]

_MASK = 'scores = scores.masked_fill(kpos > qpos, float("-inf"))'
BUGS = [
    Bug("attends_new_only", "matches attending only to the new keys and values; each query must see every cached "
        "position too", {"keys, values = cache.append(k, v)": "cache.append(k, v)\n    keys, values = k, v"}),
    Bug("mask_excludes_self", "matches a mask that also hides the query's own position: query past + i sees keys "
        "0 .. past + i, itself included", {"kpos > qpos": "kpos >= qpos"}),
    Bug("causal_top_left", "matches a causal mask aligned top-left (new query i sees keys 0 .. i); the new queries "
        "come after the cached ones: query i is at absolute position past + i", {"past = total - new": "past = 0"}),
    Bug("no_causal_mask", "matches no causal mask: one token at a time needs none, but in a chunk of new tokens "
        "each may only see keys up to its own position", {_MASK: "scores = scores"}),
    Bug("no_scale", "matches attention without the 1/sqrt(d) scale", {" / math.sqrt(q.shape[-1])": ""}),
    Bug("cache_not_kept", "matches a cache that keeps only the latest append; concatenate the new keys and values "
        "to the old ones", {"self.k = torch.cat((self.k, k), dim=-2)": "self.k = k.clone()",
                            "self.v = torch.cat((self.v, v), dim=-2)": "self.v = v.clone()"}),
    Bug("cat_on_feature_axis", None,
        {"self.k = torch.cat((self.k, k), dim=-2)": "self.k = torch.cat((self.k, k), dim=-1)",
         "self.v = torch.cat((self.v, v), dim=-2)": "self.v = torch.cat((self.v, v), dim=-1)"}),
]
