"""Tasks lora .. alibi beyond the shared self-check: other correct styles pass, structure is enforced.

The shared suite (tests/test_judge_tasks.py) grades each task's own reference; these are solutions written
the way candidates often write them (float32 angle tables, softmax-then-top-k, einsum), which the hidden
tolerances must accept, and the quadratic linear attention, which the allocation watch must reject.
"""

from __future__ import annotations

import pytest

from quizzer.judge.verdict import Verdict
from tests.judge_runs import grade_runs

# Hugging Face style: inverse frequencies and the angle table in float32 for float32 inputs.
ROPE_HF = '''
import torch

def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)

def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, dtype=x.dtype) / d))
    freqs = torch.outer(positions.to(x.dtype), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return x * emb.cos() + rotate_half(x) * emb.sin()
'''

# The Annotated Transformer's table, computed in float32 throughout.
SINUSOIDAL_ANNOTATED = '''
import math
import torch

def sinusoidal_positions(max_len, d_model):
    pe = torch.zeros(max_len, d_model)
    position = torch.arange(0, max_len).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2) * -(math.log(10000.0) / d_model))
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe
'''

# Mixtral style: softmax over all experts, unsorted top-k, renormalise; f from one_hot.
MOE_SOFTMAX_FIRST = '''
import torch
import torch.nn.functional as F

def top_k_gating(logits, k):
    probs = F.softmax(logits, dim=-1)
    w, idx = probs.topk(k, dim=-1, sorted=False)
    return w / w.sum(dim=-1, keepdim=True), idx

def load_balancing_loss(router_logits, indices, num_experts):
    probs = F.softmax(router_logits, dim=-1).reshape(-1, num_experts)
    f = F.one_hot(indices.reshape(-1), num_experts).to(probs.dtype).mean(dim=0)
    return num_experts * (f * probs.mean(dim=0)).sum()
'''

LINEAR_EINSUM = '''
import torch
import torch.nn.functional as F

def linear_attention(q, k, v):
    q, k = F.elu(q) + 1, F.elu(k) + 1
    kv = torch.einsum("...sd,...se->...de", k, v)
    z = 1.0 / torch.einsum("...ld,...d->...l", q, k.sum(dim=-2))
    return torch.einsum("...ld,...de,...l->...le", q, kv, z)
'''

# Right values, quadratic memory: the (L, S) weight matrix the task exists to avoid.
LINEAR_QUADRATIC = '''
import torch
import torch.nn.functional as F

def linear_attention(q, k, v):
    w = (F.elu(q) + 1) @ (F.elu(k) + 1).transpose(-2, -1)
    return (w / w.sum(dim=-1, keepdim=True)) @ v
'''

# The cache keeps the caller's first tensors and builds the causal mask with tril's diagonal offset.
KV_CACHE_TRIL = '''
import math
import torch

class KVCache:
    def __init__(self):
        self.k = None
        self.v = None

    def append(self, k, v):
        self.k = k if self.k is None else torch.cat([self.k, k], dim=2)
        self.v = v if self.v is None else torch.cat([self.v, v], dim=2)

def cached_attention(q, k, v, cache):
    cache.append(k, v)
    n, total = q.shape[2], cache.k.shape[2]
    scores = torch.einsum("bhqd,bhkd->bhqk", q, cache.k) / math.sqrt(q.shape[-1])
    visible = torch.ones(n, total, dtype=torch.bool, device=q.device).tril(diagonal=total - n)
    return scores.masked_fill(~visible, float("-inf")).softmax(dim=-1) @ cache.v
'''

RUNS = {
    "rope": [("hf_float32", ROPE_HF)],
    "sinusoidal": [("annotated_float32", SINUSOIDAL_ANNOTATED)],
    "moe_gating": [("softmax_first", MOE_SOFTMAX_FIRST)],
    "linear_attention": [("einsum", LINEAR_EINSUM), ("quadratic", LINEAR_QUADRATIC)],
    "kv_cache": [("tril_offset", KV_CACHE_TRIL)],
}


@pytest.fixture(scope="module")
def verdicts() -> dict[tuple[str, str], Verdict]:
    """Every file above graded."""
    return grade_runs(RUNS, "group1")


@pytest.mark.parametrize(("task", "label"), [("rope", "hf_float32"), ("sinusoidal", "annotated_float32"),
                                             ("moe_gating", "softmax_first"), ("linear_attention", "einsum"),
                                             ("kv_cache", "tril_offset")])
def test_other_correct_styles_pass(verdicts: dict[tuple[str, str], Verdict], task: str, label: str) -> None:
    verdict = verdicts[(task, label)]
    assert verdict.passed, [(c.name, c.message) for c in verdict.failed]


def test_quadratic_linear_attention_fails_only_the_allocation_watch(verdicts: dict[tuple[str, str], Verdict]) -> None:
    verdict = verdicts[("linear_attention", "quadratic")]
    assert [c.name for c in verdict.failed] == ["no_full_scores"]
    assert verdict.failed[0].message.startswith("allocated a tensor of shape (1, 1024, 1024)")
