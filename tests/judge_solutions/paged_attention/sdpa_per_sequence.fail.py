# expect forbidden: torch.nn.functional.scaled_dot_product_attention
# Correct gathering, then the library kernel for the attention itself, which this task asks to write by hand.
import torch
import torch.nn.functional as F


def paged_attention(q, k_cache, v_cache, block_tables, seq_lens):
    block_size, group = k_cache.shape[1], q.shape[1] // k_cache.shape[2]
    outs = []
    for b in range(q.shape[0]):
        t = torch.arange(int(seq_lens[b]))
        k = k_cache[block_tables[b, t // block_size], t % block_size].repeat_interleave(group, dim=1)
        v = v_cache[block_tables[b, t // block_size], t % block_size].repeat_interleave(group, dim=1)
        outs.append(F.scaled_dot_product_attention(q[b][:, None], k.transpose(0, 1), v.transpose(0, 1))[:, 0])
    return torch.stack(outs)
