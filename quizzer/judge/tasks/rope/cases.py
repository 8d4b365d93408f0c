"""Hidden cases and known bugs of the `rope` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, call, out, randint, randn

RUN = call("apply_rope", "x", "positions")


def norms(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """Norm of each (x_i, x_{i + D/2}) pair after the rotation (a rotation keeps them)."""
    out = api.apply_rope(a["x"], a["positions"])
    half = out.shape[-1] // 2
    return (out[..., :half] ** 2 + out[..., half:] ** 2).sqrt()


def relative(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """q·k after RoPE depends only on the position difference: shifting both positions changes nothing (zeros)."""
    q, k, pq, pk, shift = a["q"], a["k"], a["pq"], a["pk"], a["shift"]
    before = (api.apply_rope(q, pq) * api.apply_rope(k, pk)).sum(dim=-1)
    after = (api.apply_rope(q, pq + shift) * api.apply_rope(k, pk + shift)).sum(dim=-1)
    return after - before


# Angles p * theta in float32 are off by about p * 6e-8 radians however they are computed (positions up to 4096
# give ~3e-4), which the precision policy accepts: hence the atol of the long cases.
_F32_ANGLES = "the angles are computed in float32, as Hugging Face's LLaMA rotary embedding does by design"
CASES = [
    Case("example_2d", {"x": randn(5, 8), "positions": torch.arange(5)}, hidden=False),
    Case("3d_unsorted_positions", {"x": randn(2, 6, 16), "positions": randint(0, 50, 6)},
         hint="use the positions argument as given: they need not start at 0, be sorted or be consecutive"),
    Case("4d_offset_positions", {"x": randn(2, 3, 7, 32), "positions": torch.arange(40, 47)},
         hint="use the positions argument: decoding after a prompt of 40 tokens starts at position 40, not 0"),
    Case("one_pair", {"x": randn(3, 4, 2), "positions": randint(0, 30, 4)}),
    Case("custom_base", {"x": randn(2, 5, 16), "positions": randint(0, 60, 5), "base": 500.0},
         hint="use the base argument: theta_i = base ** (-2i / D)"),
    # float32 angles p * theta are off by ~1e-4 at p ~ 4000 however they are computed, hence the atol.
    Case("long_positions", {"x": randn(2, 9, 64), "positions": randint(0, 4096, 9)}, atol=1e-3),
    Case("float64", {"x": randn(2, 2, 6, 16, dtype="float64"), "positions": randint(0, 4096, 6)}, atol=1e-3,
         note=_F32_ANGLES),
    Case("keeps_pair_norms", {"x": randn(2, 6, 16), "positions": randint(0, 60, 6)}, run=norms,
         hint="a rotation keeps the length of every (x_i, x_{i + D/2}) pair; yours changes it",
         hint_after=(), outputs="norms of the (x_i, x_{i + D/2}) pairs"),
    # |q·k| is about 4 here, so float32 angles move it by ~1e-5: float32 grade for this difference is atol 1e-4.
    Case("relative_position", {"q": randn(7, 16, dtype="float64"), "k": randn(7, 16, dtype="float64"),
                               "pq": randint(0, 100, 7), "pk": randint(0, 100, 7), "shift": 37}, run=relative,
         atol=1e-4, note=_F32_ANGLES,
         hint="after RoPE, q·k must depend only on the position difference: shifting both positions changed it",
         hint_after=(), outputs=out("change of q·k under a shift", kind="zeros")),
]

_ROTATE = "out = torch.cat((x1 * cos - x2 * sin, x2 * cos + x1 * sin), dim=-1)"
BUGS = [
    Bug("no_rotation", "matches x unchanged: no rotation is applied (rotating a freshly unsqueezed trailing axis "
        "is a no-op)", {"return out.to(x.dtype)": "return x.clone()"}),
    Bug("interleaved", "matches the interleaved RoPE convention, pairs (2i, 2i+1), as in Meta's original LLaMA "
        "(complex numbers) and GPT-J; this task uses rotate-half, as GPT-NeoX and Hugging Face's LLaMA do: dimension i "
        "pairs with i + D/2",
        {"x1 = x[..., :half].to(work)": "x1 = x[..., 0::2].to(work)",
         "x2 = x[..., half:].to(work)": "x2 = x[..., 1::2].to(work)",
         _ROTATE: "out = torch.stack((x1 * cos - x2 * sin, x2 * cos + x1 * sin), dim=-1).flatten(-2)"}),
    Bug("rotation_reversed", "matches rotating by -p·theta: rotate_half(x) is cat(-x2, x1), so the first half "
        "becomes x1·cos - x2·sin", {_ROTATE: "out = torch.cat((x1 * cos + x2 * sin, x2 * cos - x1 * sin), dim=-1)"}),
    Bug("cos_sin_swapped", "matches cos and sin swapped: the pair (x1, x2) becomes "
        "(x1·cos - x2·sin, x2·cos + x1·sin)",
        {"cos, sin = angles.cos(), angles.sin()": "cos, sin = angles.sin(), angles.cos()"}),
    Bug("theta_i_over_D", "matches theta_i = base ** (-i / D); the exponent is -2i / D for i = 0 .. D/2 - 1",
        {"-2.0 * torch.arange(half": "-1.0 * torch.arange(half"}),
    Bug("ignores_positions", "matches using positions 0 .. L-1 instead of the positions argument",
        {"positions.to(device=x.device, dtype=work)": "torch.arange(x.shape[-2], device=x.device, dtype=work)"}),
    Bug("base_ignored", "matches a fixed base of 10000; use the base argument",
        {"theta = base ** (": "theta = 10000.0 ** ("}),
]
