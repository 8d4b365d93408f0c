# expect hint: every slot of the last block
# Gathers whole blocks per sequence (ceil(seq_len / block_size) of them) but forgets that the last one is only
# partly filled.
import math

import torch


def paged_attention(q, k_cache, v_cache, block_tables, seq_lens):
    block_size, group = k_cache.shape[1], q.shape[1] // k_cache.shape[2]
    outs = []
    for b in range(q.shape[0]):
        n_blocks = (int(seq_lens[b]) + block_size - 1) // block_size
        ids = block_tables[b, :n_blocks]
        k = k_cache[ids].flatten(0, 1).repeat_interleave(group, dim=1)
        v = v_cache[ids].flatten(0, 1).repeat_interleave(group, dim=1)
        w = torch.softmax(torch.einsum("hd,thd->ht", q[b], k) / math.sqrt(q.shape[-1]), dim=-1)
        outs.append(torch.einsum("ht,thd->hd", w, v))
    return torch.stack(outs)
