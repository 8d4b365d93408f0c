"""Tasks softmax_xent .. tree_codec beyond the shared self-check: other correct styles pass, typical slips fail.

The shared suite (tests/test_judge_tasks.py) grades each task's own reference and its known bugs; these are
solutions written the way candidates and libraries often write them (Hugging Face's ascending-sort top-p,
PyTorch's in-place AdamW arithmetic, a swap-based permutation search, a level-order tree codec), which the
hidden cases and tolerances must accept, and a few mistakes the cases must reject without a bug variant.
"""

from __future__ import annotations

import pytest

from quizzer.judge.verdict import Verdict
from tests.judge_runs import grade_runs

# Cross-entropy through a one-hot mask and an explicit log-softmax; softmax with a keepdim max.
SOFTMAX_XENT_ONEHOT = '''
import torch

def softmax(x, dim=-1):
    z = torch.exp(x - torch.max(x, dim=dim, keepdim=True).values)
    return z / torch.sum(z, dim=dim, keepdim=True)

def cross_entropy(logits, targets, ignore_index=-100):
    c = logits.shape[-1]
    logits, targets = logits.reshape(-1, c), targets.reshape(-1)
    valid = targets != ignore_index
    logits, targets = logits[valid], targets[valid]
    m = logits.max(dim=-1, keepdim=True).values
    log_probs = logits - m - torch.log(torch.exp(logits - m).sum(dim=-1, keepdim=True))
    one_hot = torch.nn.functional.one_hot(targets, c).to(logits.dtype)
    return -(one_hot * log_probs).sum() / valid.sum()
'''

# Hugging Face's warpers: top-k by the k-th value, top-p by an ascending sort and cumsum <= 1 - p.
SAMPLING_HF = '''
import torch

def top_k_filter(logits, k):
    remove = logits < torch.topk(logits, k)[0][..., -1, None]
    return logits.masked_fill(remove, -float("inf"))

def top_p_filter(logits, p):
    sorted_logits, sorted_indices = torch.sort(logits, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_remove = cumulative <= (1 - p)
    sorted_remove[..., -1:] = 0
    remove = sorted_remove.scatter(-1, sorted_indices, sorted_remove)
    return logits.masked_fill(remove, -float("inf"))

def repetition_penalty(logits, prev_ids, penalty):
    score = torch.gather(logits, -1, prev_ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return logits.scatter(-1, prev_ids, score)
'''

LR_SCHEDULE_BRANCHY = '''
import math

def cosine_warmup_lr(step, warmup_steps, total_steps, max_lr, min_lr=0.0):
    if warmup_steps > 0 and step < warmup_steps:
        return float(max_lr) * step / warmup_steps
    progress = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    return min_lr + (max_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
'''

# torch.optim.AdamW's own arithmetic (in place, on copies): decay, lerp-style moments, addcdiv.
ADAMW_TORCH_STYLE = '''
import math
import torch

def adamw_step(param, grad, m, v, step, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    p, m, v = param.clone(), m.clone(), v.clone()
    p.mul_(1 - lr * weight_decay)
    m.lerp_(grad, 1 - beta1)
    v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    bias1, bias2 = 1 - beta1 ** step, 1 - beta2 ** step
    denom = (v.sqrt() / math.sqrt(bias2)).add_(eps)
    p.addcdiv_(m, denom, value=-lr / bias1)
    return p, m, v
'''

# torch.nn.utils.clip_grad_norm_'s shape: always multiply by the clamped coefficient.
GRAD_CLIP_CLAMPED = '''
import torch

def clip_grad_norm(parameters, max_norm):
    grads = [p.grad for p in parameters if p.grad is not None]
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
'''

# Multiplies by 127 / absmax instead of dividing by the scale; a tiny clamp instead of a where for zeros.
QUANTIZE_CLAMP = '''
import torch

def quantize_absmax(x, bits=8, dim=None):
    qmax = 2 ** (bits - 1) - 1
    amax = x.abs().max() if dim is None else x.abs().amax(dim=dim, keepdim=True)
    amax = amax.clamp(min=1e-12)
    q = torch.clamp(torch.round(x * (qmax / amax)), -qmax, qmax).to(torch.int8)
    return q, amax / qmax

def dequantize(q, scale):
    return q.to(scale.dtype) * scale
'''

# The contract allows F.log_softmax here; only F.cross_entropy is forbidden.
INFONCE_LOG_SOFTMAX = '''
import torch
import torch.nn.functional as F

def info_nce(query, key, temperature=0.07):
    q, k = F.normalize(query, dim=-1), F.normalize(key, dim=-1)
    logits = q @ k.T / temperature
    return -F.log_softmax(logits, dim=-1).diagonal().mean()
'''

INFONCE_LOGSUMEXP = '''
import torch
import torch.nn.functional as F

def info_nce(query, key, temperature=0.07):
    logits = F.normalize(query, dim=1) @ F.normalize(key, dim=1).T / temperature
    labels = torch.arange(logits.shape[0], device=logits.device)
    return (torch.logsumexp(logits, dim=1) - logits[labels, labels]).mean()
'''

DISTILLATION_SOFTMAX_PRODUCT = '''
import torch
import torch.nn.functional as F

def distillation_loss(student_logits, teacher_logits, labels, T=2.0, alpha=0.5):
    log_s = F.log_softmax(student_logits / T, dim=1)
    log_t = F.log_softmax(teacher_logits / T, dim=1)
    kd = torch.sum(F.softmax(teacher_logits / T, dim=1) * (log_t - log_s)) / student_logits.shape[0]
    return alpha * kd * T ** 2 + (1 - alpha) * F.cross_entropy(student_logits, labels)
'''

# torch.amp.GradScaler's bookkeeping: a growth tracker that counts successful steps.
LOSS_SCALER_TRACKER = '''
class DynamicLossScaler:
    def __init__(self, init_scale=2.0**16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = init_scale
        self._growth = growth_factor
        self._backoff = backoff_factor
        self._interval = growth_interval
        self._tracker = 0

    def update(self, found_inf):
        if found_inf:
            self.scale = self.scale * self._backoff
            self._tracker = 0
        else:
            successful = self._tracker + 1
            if successful == self._interval:
                self.scale = self.scale * self._growth
                self._tracker = 0
            else:
                self._tracker = successful
'''

# Unsorted top-k, int64 indices, decompress by index_put on a flat zero tensor.
TOPK_UNSORTED = '''
import torch

def topk_compress(grad, ratio):
    flat = grad.flatten()
    k = max(1, int(flat.numel() * ratio))
    _, idx = torch.topk(flat.abs(), k, sorted=False)
    return flat.gather(0, idx), idx

def topk_decompress(values, indices, shape):
    out = torch.zeros(torch.Size(shape).numel(), dtype=values.dtype, device=values.device)
    out[indices] = values
    return out.view(shape)
'''

TENSOR_PARALLEL_F_LINEAR = '''
import torch
import torch.nn.functional as F

def column_parallel_linear(x, weight_shards, bias_shards):
    return torch.cat([F.linear(x, w, b) for w, b in zip(weight_shards, bias_shards)], dim=-1)

def row_parallel_linear(x_shards, weight_shards, bias):
    return torch.stack([F.linear(x, w) for x, w in zip(x_shards, weight_shards)]).sum(dim=0) + bias
'''

KL_GAUSSIAN_SIGMA = '''
import torch

def reparameterize(mu, logvar, eps):
    return mu + eps * torch.exp(logvar / 2)

def kl_to_standard_normal(mu, logvar):
    kl = 0.5 * (mu.pow(2) + logvar.exp() - 1.0 - logvar)
    return kl.sum(dim=-1).mean()
'''

# The classic swap method with a per-level set of characters already tried.
PERMUTATIONS_SWAP = '''
def unique_permutations(s):
    chars, out = list(s), []

    def go(i):
        if i == len(chars):
            out.append("".join(chars))
            return
        tried = set()
        for j in range(i, len(chars)):
            if chars[j] in tried:
                continue
            tried.add(chars[j])
            chars[i], chars[j] = chars[j], chars[i]
            go(i + 1)
            chars[i], chars[j] = chars[j], chars[i]

    go(0)
    return out
'''

# Sorted characters, skip an equal neighbour whose copy is not in use.
PERMUTATIONS_SORTED_USED = '''
def unique_permutations(s):
    chars = sorted(s)
    used = [False] * len(chars)
    out, path = [], []

    def go():
        if len(path) == len(chars):
            out.append("".join(path))
            return
        for i, c in enumerate(chars):
            if used[i] or (i > 0 and c == chars[i - 1] and not used[i - 1]):
                continue
            used[i] = True
            path.append(c)
            go()
            path.pop()
            used[i] = False

    go()
    return out
'''

# Level order with "null" markers and a deque: no recursion anywhere.
TREE_CODEC_LEVEL_ORDER = '''
from collections import deque


class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def serialize(root):
    out, queue = [], deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append("null")
        else:
            out.append(str(node.val))
            queue.append(node.left)
            queue.append(node.right)
    return " ".join(out)


def deserialize(data):
    tokens = data.split()
    if tokens[0] == "null":
        return None
    root = TreeNode(int(tokens[0]))
    queue, i = deque([root]), 1
    while queue:
        node = queue.popleft()
        for side in ("left", "right"):
            if tokens[i] != "null":
                child = TreeNode(int(tokens[i]))
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root
'''

# A recursive preorder codec: right for every small tree, a RecursionError on the 3000-deep chain.
TREE_CODEC_RECURSIVE = '''
class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def serialize(root):
    if root is None:
        return "#"
    return f"{root.val},{serialize(root.left)},{serialize(root.right)}"


def deserialize(data):
    tokens = iter(data.split(","))

    def build():
        tok = next(tokens)
        if tok == "#":
            return None
        return TreeNode(int(tok), build(), build())

    return build()
'''

# The hash of the tree object as its "serialisation": round-trips, but two equal trees give different strings.
TREE_CODEC_REGISTRY = '''
class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


_SEEN = {}


def serialize(root):
    key = str(id(root))
    _SEEN[key] = root
    return key


def deserialize(data):
    return _SEEN[data]
'''

# Other paths to the forbidden APIs: torch 2.6's two halves of clip_grad_norm_, and the op behind F.kl_div.
GRAD_CLIP_TORCH_HELPERS = '''
import torch

def clip_grad_norm(parameters, max_norm):
    params = [p for p in parameters if p.grad is not None]
    total = torch.nn.utils.get_total_norm([p.grad for p in params])
    if total > max_norm:
        torch.nn.utils.clip_grads_with_norm_(params, max_norm, total)
    return total
'''

DISTILLATION_TORCH_KL_DIV = '''
import torch
import torch.nn.functional as F

def distillation_loss(student_logits, teacher_logits, labels, T=2.0, alpha=0.5):
    kl = torch.kl_div(F.log_softmax(student_logits / T, -1), F.log_softmax(teacher_logits / T, -1), reduction=0,
                      log_target=True).sum() / student_logits.shape[0]
    return alpha * T * T * kl + (1 - alpha) * F.cross_entropy(student_logits, labels)
'''

RUNS = {
    "softmax_xent": [("one_hot", SOFTMAX_XENT_ONEHOT)],
    "sampling": [("hugging_face", SAMPLING_HF)],
    "lr_schedule": [("branchy", LR_SCHEDULE_BRANCHY)],
    "adamw": [("torch_style", ADAMW_TORCH_STYLE)],
    "grad_clip": [("clamped_coef", GRAD_CLIP_CLAMPED), ("torch_helpers", GRAD_CLIP_TORCH_HELPERS)],
    "quantize": [("clamp_and_multiply", QUANTIZE_CLAMP)],
    "infonce": [("log_softmax", INFONCE_LOG_SOFTMAX), ("logsumexp", INFONCE_LOGSUMEXP)],
    "distillation": [("softmax_product", DISTILLATION_SOFTMAX_PRODUCT), ("torch_kl_div", DISTILLATION_TORCH_KL_DIV)],
    "loss_scaler": [("growth_tracker", LOSS_SCALER_TRACKER)],
    "topk_compress": [("unsorted", TOPK_UNSORTED)],
    "tensor_parallel": [("f_linear", TENSOR_PARALLEL_F_LINEAR)],
    "kl_gaussian": [("sigma_form", KL_GAUSSIAN_SIGMA)],
    "permutations": [("swap", PERMUTATIONS_SWAP), ("sorted_used", PERMUTATIONS_SORTED_USED)],
    "tree_codec": [("level_order", TREE_CODEC_LEVEL_ORDER), ("recursive", TREE_CODEC_RECURSIVE),
                   ("registry", TREE_CODEC_REGISTRY)],
}

CORRECT = [(task, label) for task, label in [
    ("softmax_xent", "one_hot"), ("sampling", "hugging_face"), ("lr_schedule", "branchy"), ("adamw", "torch_style"),
    ("grad_clip", "clamped_coef"), ("quantize", "clamp_and_multiply"), ("infonce", "logsumexp"),
    ("distillation", "softmax_product"), ("loss_scaler", "growth_tracker"), ("topk_compress", "unsorted"),
    ("tensor_parallel", "f_linear"), ("kl_gaussian", "sigma_form"), ("permutations", "swap"),
    ("permutations", "sorted_used"), ("tree_codec", "level_order")]]


@pytest.fixture(scope="module")
def verdicts() -> dict[tuple[str, str], Verdict]:
    """Every file above graded."""
    return grade_runs(RUNS, "group2")


@pytest.mark.parametrize(("task", "label"), CORRECT)
def test_other_correct_styles_pass(verdicts: dict[tuple[str, str], Verdict], task: str, label: str) -> None:
    verdict = verdicts[(task, label)]
    assert verdict.passed, [(c.name, c.message) for c in verdict.failed]


def test_log_softmax_is_allowed_in_info_nce(verdicts: dict[tuple[str, str], Verdict]) -> None:
    verdict = verdicts[("infonce", "log_softmax")]
    assert verdict.passed, [(c.name, c.message) for c in verdict.failed]


@pytest.mark.parametrize(("task", "label"), [("grad_clip", "torch_helpers"), ("distillation", "torch_kl_div")])
def test_other_paths_to_a_forbidden_api_are_reported(verdicts: dict[tuple[str, str], Verdict], task: str,
                                                      label: str) -> None:
    verdict = verdicts[(task, label)]
    assert not verdict.passed and verdict.forbidden


def test_a_recursive_codec_fails_only_the_deep_chain(verdicts: dict[tuple[str, str], Verdict]) -> None:
    failed = verdicts[("tree_codec", "recursive")].failed
    assert [c.name for c in failed] == ["deep_chain"]
    assert failed[0].message.startswith("RecursionError: maximum recursion depth exceeded")


def test_an_object_registry_is_not_a_serialisation(verdicts: dict[tuple[str, str], Verdict]) -> None:
    # Round trips work inside one process, but the same tree built twice must give the same string.
    verdict = verdicts[("tree_codec", "registry")]
    assert [c.name for c in verdict.cases if c.passed] == ["empty_tree"]  # None has one id
    assert all(c.message.startswith("output[1]: ") for c in verdict.failed)
