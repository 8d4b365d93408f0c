"""Hidden cases and known bugs of the `paged_attention` task."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch

from quizzer.judge.spec import FLOAT32_SOFTMAX, Bug, Case, call, out, randn

RUN = call("paged_attention", "q", "k_cache", "v_cache", "block_tables", "seq_lens")


def paged(seq_lens: Sequence[int], *, heads: int = 2, kv_heads: int = 2, d: int = 8, block_size: int = 4,
          spare_entries: int = 0, spare_blocks: int = 3, shared: int = 0, q_scale: float = 1.0,
          dtype: str = "float32") -> Any:
    """A paged cache holding len(seq_lens) sequences in shuffled blocks, full of other data elsewhere.

    spare_entries: extra block-table columns (padding entries naming random blocks); spare_blocks: blocks no
    sequence owns; shared: sequence 1 reuses sequence 0's first `shared` blocks (a common prefix).
    """
    def make(gen: torch.Generator) -> dict[str, Any]:
        needed = [math.ceil(n / block_size) for n in seq_lens]
        owned = [n - (shared if b == 1 else 0) for b, n in enumerate(needed)]
        num_blocks = sum(owned) + spare_blocks
        order = torch.randperm(num_blocks, generator=gen).tolist()
        width = max(needed) + spare_entries
        # Padding entries name arbitrary real blocks: reading them gives someone else's keys.
        tables = torch.randint(0, num_blocks, (len(seq_lens), width), generator=gen)
        used = 0
        for b, n in enumerate(needed):
            mine = order[used:used + owned[b]]
            used += owned[b]
            row = tables[0, :shared].tolist() + mine if b == 1 and shared else mine
            tables[b, :n] = torch.tensor(row[:n])
        cache = (num_blocks, block_size, kv_heads, d)
        return {"q": randn(len(seq_lens), heads, d, dtype=dtype, scale=q_scale).make(gen),
                "k_cache": randn(*cache, dtype=dtype).make(gen), "v_cache": randn(*cache, dtype=dtype).make(gen),
                "block_tables": tables, "seq_lens": torch.tensor(list(seq_lens))}
    return make


def shared_prefix(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Sequences 0 and 1 share their first blocks: with the same query and length they attend identically."""
    q = a["q"].clone()
    q[1] = q[0]
    lens = a["seq_lens"].clone()
    lens[1] = lens[0]
    out = api.paged_attention(q, a["k_cache"], a["v_cache"], a["block_tables"], lens)
    return out[1] - out[0]


CASES = [
    Case("example", paged([5, 3]), hidden=False),
    Case("gqa_group_of_2", paged([6, 9, 2], heads=4, kv_heads=2),
         hint="query head h uses kv head h // (H // H_kv): heads 0, 1 -> kv 0; heads 2, 3 -> kv 1"),
    Case("multi_query", paged([7, 4], heads=4, kv_heads=1)),
    Case("ragged_lengths", paged([1, 16, 7, 9], heads=2, kv_heads=2),
         hint="sequence b attends to exactly its first seq_lens[b] tokens, the newest included"),
    Case("whole_blocks", paged([8, 4, 12], block_size=4),
         hint="a length that fills its last block exactly reads every slot of that block, and no further block"),
    Case("partial_last_block", paged([5, 10, 3], block_size=4, spare_blocks=1),
         hint="the slots after seq_lens[b] in the last block belong to no one in this sequence: mask them"),
    Case("padding_table_entries", paged([3, 6], block_size=4, spare_entries=3),
         hint="block-table entries after a sequence's last block are padding and name other blocks: never read them"),
    Case("blocks_shuffled", paged([11, 13, 6], block_size=2, spare_blocks=5),
         hint="look every block up in the sequence's block table; blocks are in no particular physical order"),
    Case("shared_prefix", paged([9, 12], block_size=4, shared=2)),
    Case("shared_prefix_same_output", paged([8, 12], block_size=4, shared=2), run=shared_prefix,
         hint="two sequences whose tables name the same blocks must read the same keys and values",
         hint_after=(), outputs=out("output 1 minus output 0", kind="zeros")),
    Case("block_size_1", paged([3, 5, 1], block_size=1)),
    Case("long_sequences", paged([300, 157], heads=8, kv_heads=2, d=32, block_size=16, spare_entries=2)),
    Case("large_scores", paged([20, 13], q_scale=30.0),
         hint="scores reach the hundreds: softmax must subtract the row max (torch.softmax does)",
         hint_on="nonfinite"),
    Case("float64", paged([7, 5, 10], heads=4, kv_heads=2, dtype="float64"), note=FLOAT32_SOFTMAX),
]

_VALID = "valid = positions[None, :] < seq_lens[:, None]"
BUGS = [
    Bug("tiled_kv_heads", "matches pairing query head h with kv head h % H_kv (repeat / tile); consecutive query "
        "heads share a kv head: h // (H // H_kv), which is what repeat_interleave gives",
        {"keys = keys.repeat_interleave(group, dim=2)": "keys = keys.repeat(1, 1, group, 1)",
         "values = values.repeat_interleave(group, dim=2)": "values = values.repeat(1, 1, group, 1)"}),
    Bug("excludes_newest", "matches leaving out the newest token; the query attends to tokens 0 .. seq_lens[b] - 1, "
        "itself included", {_VALID: "valid = positions[None, :] < seq_lens[:, None] - 1"}),
    Bug("whole_last_block", "matches attending to every slot of the last block; only its first slots up to "
        "seq_lens[b] hold this sequence's tokens",
        {_VALID: "valid = positions[None, :] // block_size < (seq_lens[:, None] + block_size - 1) // block_size"}),
    Bug("no_length_mask", "matches attending to every slot the block table names; mask the slots at and after "
        "seq_lens[b]", {"    scores = scores.masked_fill(~valid[:, None, :], float(\"-inf\"))\n": ""}),
    Bug("physical_order", "matches reading physical blocks 0, 1, 2, ... in order; look each block up in the "
        "sequence's block table", {"blocks = block_tables[:, positions // block_size]":
                                   "blocks = (positions // block_size).expand(block_tables.shape[0], -1)"}),
    Bug("no_scale", "matches attention without the 1/sqrt(D) scale", {" / math.sqrt(d)": ""}),
    Bug("softmax_over_heads", "matches a softmax over the heads; each head's weights must sum to 1 over the tokens",
        {"weights = torch.softmax(scores, dim=-1)": "weights = torch.softmax(scores, dim=1)"}),
]
