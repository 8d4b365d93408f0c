"""Hidden cases and known bugs of the `flash_attention` task."""

from __future__ import annotations

from quizzer.judge.spec import (
    CAUSAL_BOTTOM_RIGHT,
    FLOAT32_SOFTMAX,
    Bug,
    Case,
    call,
    randn,
)

RUN = call("flash_attention", "q", "k", "v")


def qkv(L: int, S: int, d: int = 16, dv: int | None = None, lead: tuple[int, ...] = (2, 2), dtype: str = "float32",
        scale: float = 1.0, **kwargs: object) -> dict[str, object]:
    """q (*lead, L, d), k (*lead, S, d), v (*lead, S, dv) and keyword arguments."""
    return {"q": randn(*lead, L, d, dtype=dtype, scale=scale), "k": randn(*lead, S, d, dtype=dtype, scale=scale),
            "v": randn(*lead, S, dv or d, dtype=dtype), **kwargs}


CASES = [
    Case("example_one_tile", qkv(8, 8, block_size=16), hidden=False),
    Case("example_two_tiles", qkv(20, 20, block_size=16), hidden=False),
    Case("ragged_L_and_S", qkv(37, 53, block_size=16)),
    Case("block_8", qkv(40, 40, d=8, block_size=8)),
    Case("block_32_L_ne_S", qkv(70, 45, block_size=32)),
    Case("default_block", qkv(150, 130)),
    Case("3d_input", qkv(33, 33, lead=(3,), block_size=16), extra=True),
    Case("dv_ne_d", qkv(24, 40, d=16, dv=4, block_size=16)),
    Case("causal_square", qkv(45, 45, block_size=16, is_causal=True)),
    Case("causal_L_lt_S", qkv(20, 37, block_size=16, is_causal=True)),
    Case("causal_L_gt_S", qkv(37, 20, block_size=16, is_causal=True)),
    Case("float64", qkv(30, 41, dtype="float64", block_size=16), note=FLOAT32_SOFTMAX),
    Case("large_scores", qkv(40, 40, scale=6.0, block_size=16),
         hint="scores this large overflow exp(): subtract the running max before exponentiating",
         hint_on="nonfinite"),
    # Big enough that the full score matrix dwarfs q, k, v: 512 x 512 scores per head against 512 x 16 inputs.
    Case("no_full_scores", qkv(512, 512, lead=(1, 2), block_size=64), scores=(512, 512), explain=False,
         hint="keep one (block_q, block_k) tile of scores at a time, with a running max and sum per row",
         hint_on="any"),
]

_RESCALE = {"l = alpha * l + p.sum(dim=-1, keepdim=True)": "l = l + p.sum(dim=-1, keepdim=True)",
            "acc = alpha * acc + p @ v": "acc = acc + p @ v"}
BUGS = [
    Bug("causal_bottom_right", CAUSAL_BOTTOM_RIGHT,
        {"if is_causal and j > i + bq - 1:": "if is_causal and j > i + bq - 1 + S - L:",
         'k_pos > q_pos, float("-inf")': 'k_pos > q_pos + S - L, float("-inf")'}),
    Bug("no_rescale", "matches an online softmax that never rescales: when the running max changes, multiply the "
        "running sum and output by exp(m_old - m_new)", _RESCALE),
    Bug("per_block_softmax", "matches normalising each key block's softmax on its own and adding the blocks; keep "
        "one running max and denominator across all blocks",
        {"acc = alpha * acc + p @ v[..., j:j + block_size, :]":
         "acc = acc + (p / p.sum(dim=-1, keepdim=True)) @ v[..., j:j + block_size, :]",
         "rows.append(acc / l)": "rows.append(acc)"}),
    Bug("no_final_division", "matches forgetting to divide by the softmax denominator l at the end",
        {"rows.append(acc / l)": "rows.append(acc)"}),
    Bug("no_scale", "matches attention without the 1/sqrt(d_k) scale",
        {"qi = q[..., i:i + block_size, :] * scale": "qi = q[..., i:i + block_size, :]"}),
    Bug("drops_last_key_block", "matches dropping the last, partial key block: S is not always a multiple of "
        "block_size", {"for j in range(0, S, block_size):": "for j in range(0, S - block_size + 1, block_size):"}),
    Bug("drops_last_query_block", "matches dropping the last, partial query block: L is not always a multiple of "
        "block_size", {"for i in range(0, L, block_size):": "for i in range(0, L - block_size + 1, block_size):"}),
    Bug("causal_blocks_only", "matches skipping the future key blocks without masking inside the diagonal block; "
        "there, mask by position (key j > query i)", {"            if is_causal:\n                q_pos":
                                                    "            if False:\n                q_pos"}),
    Bug("causal_ignored", "matches ignoring is_causal", {"if is_causal:\n": "if False:\n",
                                                          "if is_causal and j > i + bq - 1:": "if False:"}),
    Bug("full_scores", None, {"    L, S = q.shape[-2], k.shape[-2]\n":
                              "    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])\n"
                              "    if is_causal:\n"
                              "        scores = scores.masked_fill(torch.ones(scores.shape[-2:], dtype=torch.bool)"
                              ".triu(1), float(\"-inf\"))\n"
                              "    return torch.softmax(scores, dim=-1) @ v\n"
                              "    L, S = q.shape[-2], k.shape[-2]\n"}),
]
