"""Hidden cases and known bugs of the `speculative_sampling` task."""

from __future__ import annotations

import math
from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, rand, randn

OUTPUTS = "emitted tokens"
NAMES = ("draft_tokens", "draft_probs", "target_probs", "uniforms")


def RUN(api: Any, a: dict[str, Any]) -> list[int]:
    """The emitted tokens, each read with int() so that 0-dim integer tensors count as ints."""
    return [int(t) for t in api.speculative_step(*(a[k] for k in NAMES), a["residual_uniform"])]


def _rows(gen: torch.Generator, k: int, V: int, scale: float, near: float | None) -> tuple[torch.Tensor, torch.Tensor]:
    """Draft rows (k, V) and target rows (k + 1, V), float64; a target `near` the draft perturbs its logits."""
    draft = randn(k, V, dtype="float64", scale=scale).make(gen)
    target = randn(k + 1, V, dtype="float64", scale=scale if near is None else near).make(gen)
    if near is not None:  # a draft model that mostly agrees with the target, as in practice
        target[:k] += draft
    return draft.softmax(-1), target.softmax(-1)


def block(k: int, V: int, *, scale: float = 1.5, near: float | None = None, dtype: str = "float32",
          same: bool = False, favoured: bool = False, top: int | None = None, u: float | None = None) -> Any:
    """One step's inputs: draft tokens sampled from random draft rows, random target rows (see _rows) and draws.

    same: the target equals the draft (every token is accepted); favoured: the target moves half its mass onto
    each draft token (p >= q, accepted whatever the draw); top: the target keeps only its `top` most likely
    tokens (zeros elsewhere, as after top-k filtering); u: every acceptance draw set to u.
    """
    def make(gen: torch.Generator) -> dict[str, Any]:
        q, p = _rows(gen, k, V, scale, near)
        tokens = torch.multinomial(q, 1, generator=gen).squeeze(1)
        if same:
            p[:k] = q
        if favoured:
            p[:k] = 0.5 * q + 0.5 * torch.nn.functional.one_hot(tokens, V).to(q.dtype)
        if top is not None:
            kept = p.topk(top, dim=-1).indices
            p = torch.zeros_like(p).scatter(-1, kept, p.gather(-1, kept))
            p = p / p.sum(-1, keepdim=True)
        uniforms = rand(k, dtype="float64").make(gen) if u is None else torch.full((k,), u, dtype=torch.float64)
        cast = getattr(torch, dtype)
        return {"draft_tokens": tokens, "draft_probs": q.to(cast), "target_probs": p.to(cast),
                "uniforms": uniforms.to(cast), "residual_uniform": float(rand(1, dtype="float64").make(gen))}
    return make


def certain_rejection(gen: torch.Generator) -> dict[str, Any]:
    """The first draft token is the draft's favourite and nearly impossible under the target: rejected at once."""
    q = torch.tensor([[0.7, 0.1, 0.1, 0.05, 0.05], [0.2, 0.2, 0.2, 0.2, 0.2]], dtype=torch.float64)
    p = torch.tensor([[0.01, 0.09, 0.5, 0.1, 0.3], [0.2] * 5, [0.2] * 5], dtype=torch.float64)
    return {"draft_tokens": torch.tensor([0, 3]), "draft_probs": q.float(), "target_probs": p.float(),
            "uniforms": torch.tensor([0.5, 0.1]), "residual_uniform": 0.45}


def many_steps(api: Any, a: dict[str, Any]) -> list[list[int]]:
    """The emitted tokens of each of the case's independent steps (row n of every input is step n)."""
    return [RUN(api, {**{k: a[k][n] for k in NAMES}, "residual_uniform": float(a["residual_uniforms"][n])})
            for n in range(a["uniforms"].shape[0])]


def step_batch(n: int, k: int, V: int, q: list[list[float]] | None = None, p: list[list[float]] | None = None,
               scale: float = 1.5, near: float | None = None) -> Any:
    """n independent steps sharing draft and target rows (given, or random): draft tokens drawn from q."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        draft, target = _rows(gen, k, V, scale, near)
        if q is not None and p is not None:
            draft, target = torch.tensor(q, dtype=torch.float64), torch.tensor(p, dtype=torch.float64)
        tokens = torch.stack([torch.multinomial(draft[i], n, replacement=True, generator=gen) for i in range(k)], 1)
        return {"draft_tokens": tokens, "draft_probs": draft.expand(n, k, V),
                "target_probs": target.expand(n, k + 1, V), "uniforms": rand(n, k, dtype="float64").make(gen),
                "residual_uniforms": rand(n, dtype="float64").make(gen)}
    return make


def _snap(freq: torch.Tensor, exact: torch.Tensor, n: int) -> torch.Tensor:
    """freq with every entry within 6 standard errors (at most 3 / sqrt(n)) of the exact value replaced by it."""
    return torch.where((freq - exact).abs() <= 3.0 / math.sqrt(n), exact, freq)


def distribution(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor]:
    """Over many steps: the first emitted token's frequencies and the frequencies of 1 .. k+1 emitted tokens.

    Each is snapped to its exact value (target_probs[0]; the acceptance chain's law) when within 6 standard
    errors, so a correct implementation returns the exact values whatever its rounding at a boundary, and
    the seeded draws make the check repeatable; the known bugs that change the law miss by 0.14 or more.
    """
    n, k, V = a["draft_tokens"].shape[0], a["draft_tokens"].shape[1], a["draft_probs"].shape[-1]
    first = torch.zeros(V, dtype=torch.float64)
    lengths = torch.zeros(k + 1, dtype=torch.float64)
    for tokens in many_steps(api, a):
        first[tokens[0]] += 1.0 / n
        lengths[len(tokens) - 1] += 1.0 / n
    q, p = a["draft_probs"][0].double(), a["target_probs"][0].double()
    accept = torch.minimum(p[:k], q).sum(-1)  # P(draft token i is accepted)
    reached = torch.cat([torch.ones(1, dtype=torch.float64), accept.cumprod(0)])  # P(position i is reached)
    exact_lengths = reached * torch.cat([1 - accept, torch.ones(1, dtype=torch.float64)])
    return _snap(first, p[0], n), _snap(lengths, exact_lengths, n)


# Far-apart draft and target rows, so that every known bug moves some frequency by 0.1 or more.
Q2 = [[0.55, 0.25, 0.15, 0.05], [0.05, 0.15, 0.3, 0.5]]
P2 = [[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]]

LAW = ("over many steps the emitted tokens must follow the target: the first ~ target_probs[0], and the number "
       "emitted the acceptance chain's law; accept with min(1, p/q), resample from max(0, p - q) normalised")

CASES = [
    Case("example", block(3, 6, near=2.0), hidden=False),
    Case("all_accepted", block(3, 8, same=True),
         hint="when every draft token is accepted, emit one more token sampled from target_probs[k]"),
    Case("rejected_first", certain_rejection,
         hint="at the first rejection stop, and sample one token from max(0, p - q) normalised"),
    Case("target_prefers_draft", block(4, 7, favoured=True, u=0.999),
         hint="accept with probability min(1, p/q): when p(x) >= q(x) the draft token is kept whatever the draw"),
    Case("target_top_k", block(3, 10, top=3, scale=2.0),
         hint="a token the target gives probability 0 is always rejected and never sampled"),
    Case("k_is_1", block(1, 5, near=1.0)),
    Case("vocab_500", block(5, 500, scale=3.0, near=0.5)),
    Case("float64", block(4, 9, near=0.8, dtype="float64")),
    Case("many_steps", step_batch(30, 4, 12, near=0.8), run=many_steps),
    Case("distribution_far_apart", step_batch(2000, 2, 4, Q2, P2), run=distribution, hint=LAW),
    # The known bugs are explained on the case above; running them on this one too would double the setup time.
    Case("distribution_random", step_batch(2000, 3, 6, near=1.0), run=distribution, explain=False, hint=LAW),
]

_ACCEPT = "if uniforms[i] < p / q:"
_RESIDUAL = "residual = torch.clamp(target_probs[i] - draft_probs[i], min=0)"
_RESAMPLE = "        out.append(_sample(residual / residual.sum(), residual_uniform))\n"
BUGS = [
    Bug("resample_from_target", "matches resampling a rejected position from the target p; sample from the "
        "residual max(0, p - q) normalised, or the output leans towards the draft",
        {_RESAMPLE: "        out.append(_sample(target_probs[i], residual_uniform))\n"}),
    Bug("residual_unclamped", "matches a residual p - q without max(0, .); negative entries are not "
        "probabilities: clamp at 0, then normalise", {_RESIDUAL: "residual = target_probs[i] - draft_probs[i]"}),
    Bug("ratio_inverted", "matches accepting with probability q/p; accept with min(1, p/q), target over draft",
        {_ACCEPT: "if uniforms[i] < q / p:"}),
    Bug("no_bonus_token", "matches emitting nothing more when every draft token is accepted; sample one more "
        "token from target_probs[k]", {"    out.append(_sample(target_probs[-1], residual_uniform))\n": ""}),
    Bug("bonus_from_last_draft_row", "matches sampling the extra token from target_probs[k - 1]; after k accepted "
        "tokens it comes from target_probs[k]", {"_sample(target_probs[-1],": "_sample(target_probs[-2],"}),
    Bug("no_token_on_rejection", "matches returning only the accepted tokens at a rejection; also emit one token "
        "sampled from the residual", {_RESAMPLE: ""}),
    Bug("continues_after_rejection", "matches carrying on after a rejection; the step ends at the first rejected "
        "draft token", {_RESAMPLE + "        return out\n": _RESAMPLE}),
    Bug("accepts_everything", "matches accepting every draft token; accept x_i only when uniforms[i] < p(x_i) / "
        "q(x_i)", {_ACCEPT: "if True:"}),
]
