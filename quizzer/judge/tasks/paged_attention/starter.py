"""Paged attention: one decoding step of attention through a block table over a paged KV cache, by hand.

Fill in the function, then run `quizzer grade` on this file.
"""

import torch


def paged_attention(q: torch.Tensor, k_cache: torch.Tensor, v_cache: torch.Tensor, block_tables: torch.Tensor,
                    seq_lens: torch.Tensor) -> torch.Tensor:
    """Return the attention output of each sequence's newest query, shape (B, H, D), q's dtype and device.

    q: (B, H, D), one query per sequence (the token being decoded; its key and value are already cached).
    k_cache, v_cache: (num_blocks, block_size, H_kv, D), the physical blocks shared by every sequence.
    block_tables: (B, max_blocks) int64; token t of sequence b is stored in block block_tables[b, t // block_size]
    at slot t % block_size. seq_lens: (B,) int64, 1 <= seq_lens[b] <= max_blocks * block_size.
    Sequence b attends to its tokens 0 .. seq_lens[b] - 1 (the newest included), with scores scaled by 1/sqrt(D).
    Everything else is someone else's data: the slots after seq_lens[b] in its last block, and the table
    entries after its last block (they hold arbitrary valid block ids). Blocks are in no particular order,
    and two sequences may share a block (a common prefix).
    H_kv divides H: query head h uses kv head h // (H // H_kv) (grouped-query attention; H_kv == H is plain
    multi-head attention). Queries can be large (scores in the hundreds): the softmax must stay finite.
    Gathering each sequence's tokens into a padded tensor is fine.
    Forbidden: F.scaled_dot_product_attention, nn.MultiheadAttention, F.multi_head_attention_forward, vllm,
    flash_attn. Do not modify the inputs in place.
    """
    raise NotImplementedError
