"""The inference tasks' reference solutions agree with independent oracles on the cases' inputs.

The judge takes each task's expected values from its reference solution, so the references are checked here:
the CRF against enumeration of every tag path, paged attention against dense attention over the gathered
tokens, beam search (with a beam wide enough to keep everything) against exhaustive search, and speculative
sampling's output law against the target by quadrature over its uniform draws.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import math
from typing import Any

import pytest
import torch
import torch.nn.functional as F

from tests.references import inputs, reference


def crf_cases() -> list[tuple[str, dict[str, Any]]]:
    """The CRF cases small enough to enumerate every tag path."""
    return [(n, a) for n, a in inputs("crf") if a["emissions"].shape[2] ** a["emissions"].shape[1] <= 20000]


def path_scorer(a: dict[str, Any], b: int) -> Any:
    """The score of a tag path of sequence b, from plain Python floats."""
    e, trans = a["emissions"][b].tolist(), a["transitions"].tolist()
    start, end = a["start"].tolist(), a["end"].tolist()

    def score(path: tuple[int, ...]) -> float:
        total = start[path[0]] + end[path[-1]] + sum(e[t][y] for t, y in enumerate(path))
        return total + sum(trans[y0][y1] for y0, y1 in itertools.pairwise(path))
    return score


@pytest.mark.parametrize(("name", "a"), crf_cases())
def test_crf_matches_path_enumeration(name: str, a: dict[str, Any]) -> None:
    crf = reference("crf")
    T = a["emissions"].shape[2]
    nll = crf.crf_nll(a["emissions"], a["tags"], a["mask"], a["transitions"], a["start"], a["end"])
    paths = crf.viterbi_decode(a["emissions"], a["mask"], a["transitions"], a["start"], a["end"])
    for b, n in enumerate(a["mask"].sum(-1).tolist()):
        score = path_scorer(a, b)
        scores = {p: score(p) for p in itertools.product(range(T), repeat=n)}
        top = max(scores.values())  # the large-score case needs a stable log-sum-exp here too
        log_z = top + math.log(sum(math.exp(s - top) for s in scores.values()))
        gold = score(tuple(a["tags"][b, :n].tolist()))
        assert float(nll[b]) == pytest.approx(log_z - gold, rel=1e-9, abs=1e-9)
        assert paths[b] == list(max(scores, key=scores.__getitem__))


@pytest.mark.parametrize(("name", "a"), inputs("paged_attention"))
def test_paged_attention_matches_dense_attention(name: str, a: dict[str, Any]) -> None:
    got = reference("paged_attention").paged_attention(a["q"], a["k_cache"], a["v_cache"], a["block_tables"],
                                                       a["seq_lens"])
    block_size, group = a["k_cache"].shape[1], a["q"].shape[1] // a["k_cache"].shape[2]
    for b, n in enumerate(a["seq_lens"].tolist()):
        where = [(int(a["block_tables"][b, t // block_size]), t % block_size) for t in range(n)]
        k = torch.stack([a["k_cache"][blk, slot] for blk, slot in where]).repeat_interleave(group, dim=1)
        v = torch.stack([a["v_cache"][blk, slot] for blk, slot in where]).repeat_interleave(group, dim=1)
        want = F.scaled_dot_product_attention(a["q"][b][:, None], k.transpose(0, 1), v.transpose(0, 1))[:, 0]
        torch.testing.assert_close(got[b], want, rtol=1e-9, atol=1e-9)


def beam_cases() -> list[tuple[str, dict[str, Any]]]:
    """Beam-search cases (no deliberate ties) whose every hypothesis fits in a beam."""
    return [(n, a) for n, a in inputs("beam_search")
            if n not in ("ties", "all_tied") and a["table"].shape[0] ** a["max_len"] <= 20000]


@pytest.mark.parametrize(("name", "a"), beam_cases())
def test_an_all_keeping_beam_is_exhaustive_search(name: str, a: dict[str, Any]) -> None:
    step_fn = importlib.import_module("quizzer.judge.tasks.beam_search.cases").step_function(a)
    V, eos, max_len, penalty = a["table"].shape[0], a["eos"], a["max_len"], a["length_penalty"]
    best: tuple[float, list[int]] | None = None
    stack: list[tuple[list[int], float]] = [([a["bos"]], 0.0)]
    while stack:  # every hypothesis: ends at its first eos, or at max_len generated tokens
        seq, score = stack.pop()
        for token, lp in enumerate(step_fn([seq])[0].tolist()):
            hyp, total = [*seq, token], score + lp
            if token == eos or len(hyp) - 1 == max_len:
                value = total / (len(hyp) - 1) ** penalty
                if best is None or value > best[0]:
                    best = (value, hyp[1:])
            else:
                stack.append((hyp, total))
    assert best is not None
    got = reference("beam_search").beam_search(step_fn, a["bos"], eos, V ** max_len, max_len, penalty)
    assert got == best[1]


@pytest.mark.parametrize("seed", range(2))
def test_speculative_step_emits_the_target_law(seed: int) -> None:
    """k = 1: acceptance flips exactly at u = p/q, and integrating over both draws gives p_0 for the first token."""
    step = reference("speculative_sampling").speculative_step
    gen = torch.Generator().manual_seed(seed)
    V, grid = 5, 1000
    q = torch.randn(1, V, generator=gen, dtype=torch.float64).mul(1.5).softmax(-1)
    p = torch.randn(2, V, generator=gen, dtype=torch.float64).mul(1.5).softmax(-1)
    draws = [(i + 0.5) / grid for i in range(grid)]

    def u(value: float) -> torch.Tensor:
        return torch.tensor([value], dtype=torch.float64)

    law = torch.zeros(V, dtype=torch.float64)
    for x in range(V):
        tokens, ratio = torch.tensor([x]), float(p[0, x] / q[0, x])
        accept = min(1.0, ratio)
        if ratio < 1:  # the threshold: just below it the draft token is kept, just above it is not
            assert step(tokens, q, p, u(ratio * (1 - 1e-9)), 0.5)[0] == x
            assert len(step(tokens, q, p, u(ratio * (1 + 1e-9)), 0.5)) == 1
        for r in draws:  # midpoint quadrature over the residual draw, for a kept and a rejected draft token
            law[step(tokens, q, p, u(0.0), r)[0]] += q[0, x] * accept / grid
            if accept < 1:
                law[step(tokens, q, p, u(1 - 1e-12), r)[0]] += q[0, x] * (1 - accept) / grid
    torch.testing.assert_close(law, p[0], rtol=0, atol=2 * V / grid)
