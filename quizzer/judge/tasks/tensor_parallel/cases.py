"""Hidden cases and known bugs of the `tensor_parallel` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, randn

RUN = call("column_parallel_linear", "x", "weight_shards", "bias_shards")
ROW = call("row_parallel_linear", "x_shards", "weight_shards", "bias")


def column(x: tuple[int, ...], outs: list[int], dtype: str = "float32") -> Any:
    """x (*x) and a (sum(outs), in) layer split along its output features."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        w = randn(sum(outs), x[-1], dtype=dtype, scale=x[-1] ** -0.5).make(gen)
        b = randn(sum(outs), dtype=dtype).make(gen)
        return {"x": randn(*x, dtype=dtype).make(gen), "weight_shards": list(w.split(outs, dim=0)),
                "bias_shards": list(b.split(outs))}
    return make


def row(x: tuple[int, ...], ins: list[int], out: int, dtype: str = "float32") -> Any:
    """x (*x) split along its last dimension and an (out, sum(ins)) layer split along its input features."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        w = randn(out, sum(ins), dtype=dtype, scale=sum(ins) ** -0.5).make(gen)
        xs = randn(*x, sum(ins), dtype=dtype).make(gen)
        return {"x_shards": list(xs.split(ins, dim=-1)), "weight_shards": list(w.split(ins, dim=1)),
                "bias": randn(out, dtype=dtype).make(gen)}
    return make


def mlp(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Megatron's MLP pair: column parallel, each rank keeps its slice, then row parallel (no gather between)."""
    h = api.column_parallel_linear(a["x"], a["w1_shards"], a["b1_shards"])
    h_shards = list(h.split([w.shape[0] for w in a["w1_shards"]], dim=-1))
    return api.row_parallel_linear(h_shards, a["w2_shards"], a["b2"])


def mlp_inputs(gen: torch.Generator) -> dict[str, Any]:
    sizes = [3, 5, 4]
    w1, b1 = randn(12, 6, scale=0.4).make(gen), randn(12).make(gen)
    w2, b2 = randn(6, 12, scale=0.3).make(gen), randn(6).make(gen)
    return {"x": randn(2, 4, 6).make(gen), "w1_shards": list(w1.split(sizes, dim=0)),
            "b1_shards": list(b1.split(sizes)), "w2_shards": list(w2.split(sizes, dim=1)), "b2": b2}


CASES = [
    Case("column_example", column((3, 8), [3, 3]), hidden=False),
    Case("column_uneven_shards", column((2, 4, 6), [2, 5, 1]),
         hint="concatenate the shard outputs in order along the last dimension", hint_after=("column_example",)),
    Case("column_one_shard", column((5, 7), [4])),
    Case("column_float64", column((2, 3, 5), [4, 4, 4, 4], dtype="float64")),
    Case("row_example", row((3,), [4, 4], 5), run=ROW, hidden=False),
    Case("row_uneven_shards", row((2, 3), [3, 5, 2], 6), run=ROW,
         hint="sum the partial outputs x_i @ W_i^T over the shards, then add the bias once",
         hint_after=("row_example",)),
    Case("row_one_shard", row((4,), [6], 3), run=ROW),
    Case("row_float64", row((2, 2), [2, 2, 2, 2], 3, dtype="float64"), run=ROW),
    Case("mlp_pair", mlp_inputs, run=mlp, hint="column then row parallel must equal the unsplit two-layer MLP",
         hint_after=("column_example", "row_example")),
]

_ROW_END = "    return total + bias\n"
BUGS = [
    Bug("row_bias_per_shard", "matches adding the bias on every shard (so it is added once per shard); add it "
        "once, after the sum", {"partial = xi @ w.transpose(-2, -1)": "partial = xi @ w.transpose(-2, -1) + bias",
                                _ROW_END: "    return total\n"}),
    Bug("row_bias_missing", "matches a row-parallel output without the bias", {_ROW_END: "    return total\n"}),
    Bug("row_averages", "matches averaging the partial outputs; row parallel sums them (an all-reduce with SUM)",
        {_ROW_END: "    return total / len(weight_shards) + bias\n"}),
    Bug("column_bias_missing", "matches a column-parallel output without the bias shards",
        {"        y = y + b  #": "        y = y  #"}),
    Bug("column_concat_dim0", "matches concatenating along dim 0; the shard outputs are slices of the output "
        "features, the last dimension", {"torch.cat(outs, dim=-1)": "torch.cat(outs, dim=0)"}),
    Bug("column_bias_of_shard_0", "matches adding the first shard's bias to every shard; shard i adds bias_shards[i]",
        {"        y = y + b  #": "        y = y + bias_shards[0][: y.shape[-1]]  #"}),
]
