"""Hidden cases and known bugs of the `topk_compress` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, randn

OUTPUTS = out("result", out("indices", kind="set"), "values (in index order)", "decompressed")

def RUN(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The kept (index, value) pairs in index order (any order is allowed), and the round trip to dense."""
    values, indices = api.topk_compress(a["grad"], a["ratio"])
    order = indices.argsort()
    dense = api.topk_decompress(values, indices, tuple(a["grad"].shape))
    return indices[order], values[order], dense


def decompress(api: Any, a: dict[str, Any]) -> torch.Tensor:
    return api.topk_decompress(a["values"], a["indices"], a["shape"])


def given_sparse(gen: torch.Generator) -> dict[str, Any]:
    """topk_decompress alone: 5 values at distinct flat positions of a (3, 4, 2) tensor, in no particular order."""
    return {"values": randn(5, dtype="float64").make(gen), "indices": torch.randperm(24, generator=gen)[:5],
            "shape": (3, 4, 2)}


def negative_extremes(gen: torch.Generator) -> dict[str, Any]:
    """The largest magnitudes are negative."""
    g = randn(6, 5).make(gen)
    g.view(-1)[torch.randperm(30, generator=gen)[:4]] = -torch.tensor([5.0, 6.0, 7.0, 8.0])
    return {"grad": g, "ratio": 0.2}


CASES = [
    Case("example", {"grad": randn(4, 5), "ratio": 0.25}, hidden=False),
    Case("3d_grad", {"grad": randn(3, 4, 5), "ratio": 0.1}, hint="indices are positions in the flattened gradient"),
    Case("fractional_k", {"grad": randn(10), "ratio": 0.38}, hint="k = max(1, int(numel * ratio)): int() rounds down",
         hint_on="any"),
    Case("tiny_ratio", {"grad": randn(5, 10), "ratio": 0.001}, hint="k is at least 1", hint_on="any"),
    Case("keep_everything", {"grad": randn(2, 6), "ratio": 1.0}),
    Case("negative_extremes", negative_extremes, hint="rank by magnitude |g| and keep the signs of the values"),
    Case("float64", {"grad": randn(8, 3, dtype="float64"), "ratio": 0.3}),
    Case("decompress_only", given_sparse, run=decompress,
         hint="topk_decompress puts each value at its flat index of a zero tensor of `shape`, in values' dtype",
         hint_on="any", hint_after=(), outputs="decompressed"),
]

_K = "k = max(1, int(flat.numel() * ratio))"
BUGS = [
    Bug("loses_signs", "matches returning |g|: rank by |g| but gather the signed values at those indices",
        {"return flat[indices], indices": "return flat.abs()[indices], indices"}),
    Bug("ranks_signed_values", "matches ranking by signed value (only the largest positive entries); rank by "
        "magnitude |g|", {"indices = flat.abs().topk(k).indices": "indices = flat.topk(k).indices"}),
    Bug("k_can_be_zero", "matches k = int(numel * ratio) without the floor of 1; keep at least one entry",
        {_K: "k = int(flat.numel() * ratio)"}),
    Bug("k_rounded", "matches rounding numel * ratio to the nearest integer; k is int(numel * ratio), rounded "
        "down (and at least 1)", {_K: "k = max(1, round(flat.numel() * ratio))"}),
    Bug("dense_default_dtype", None, {"dense = values.new_zeros(numel)": "dense = torch.zeros(numel)",
         "return dense.scatter(0, indices, values).reshape(shape)":
         "dense[indices] = values\n    return dense.reshape(shape)"}),
    Bug("keeps_smallest", "matches keeping the entries of smallest magnitude; top-k keeps the largest",
        {"flat.abs().topk(k).indices": "flat.abs().topk(k, largest=False).indices"}),
]
