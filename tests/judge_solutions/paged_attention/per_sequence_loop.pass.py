# One sequence at a time, the way a reference implementation next to a paged-attention kernel reads the cache:
# walk the block table, copy out the tokens, expand the kv heads for GQA, ordinary softmax attention.
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, seq_lens):
    num_blocks, block_size, num_kv_heads, head_size = k_cache.shape
    num_queries_per_kv = q.shape[1] // num_kv_heads
    outputs = []
    for i in range(q.shape[0]):
        seq_len = int(seq_lens[i])
        keys, values = [], []
        for j in range(seq_len):
            block_number = int(block_tables[i, j // block_size])
            block_offset = j % block_size
            keys.append(k_cache[block_number, block_offset])
            values.append(v_cache[block_number, block_offset])
        keys = torch.stack(keys, dim=0)  # (seq_len, H_kv, D)
        values = torch.stack(values, dim=0)
        if num_queries_per_kv > 1:
            keys = torch.repeat_interleave(keys, num_queries_per_kv, dim=1)
            values = torch.repeat_interleave(values, num_queries_per_kv, dim=1)
        scores = torch.einsum("hd,thd->ht", q[i], keys) / math.sqrt(head_size)
        outputs.append(torch.einsum("ht,thd->hd", torch.softmax(scores, dim=-1), values))
    return torch.stack(outputs, dim=0)
