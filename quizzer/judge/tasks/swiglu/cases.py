"""Hidden cases and known bugs of the `swiglu` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, build, create, out, randn


def inputs(x: tuple[int, ...], d_ff: int, dtype: str = "float32", scale: float = 1.0) -> Any:
    """x (..., d_model) and random weights for w1, w3 (d_ff, d_model) and w2 (d_model, d_ff)."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        d = x[-1]
        # Weights at the top level (not in a dict), so the case label shows their shapes.
        return {"x": randn(*x, dtype=dtype, scale=scale).make(gen), "d_ff": d_ff,
                "w1": randn(d_ff, d, dtype=dtype, scale=d ** -0.5).make(gen),
                "w3": randn(d_ff, d, dtype=dtype, scale=d ** -0.5).make(gen),
                "w2": randn(d, d_ff, dtype=dtype, scale=d_ff ** -0.5).make(gen)}
    return make


def RUN(api: Any, a: dict[str, Any]) -> torch.Tensor:
    x = a["x"]
    params = {f"{name}.weight": a[name] for name in ("w1", "w2", "w3")}
    return build(api.SwiGLU, x.shape[-1], a["d_ff"], params=params, like=x)(x)


def no_biases(api: Any, a: dict[str, Any]) -> list[bool]:
    """w1, w2, w3 have no bias."""
    block = create(api.SwiGLU, 8, 12)
    return [getattr(getattr(block, name), "bias", None) is None for name in ("w1", "w2", "w3")]


CASES = [
    Case("example_2d", inputs((3, 8), 16), hidden=False),
    Case("no_biases", {}, run=no_biases, hint="w1, w2 and w3 are nn.Linear(..., bias=False)",
         hint_after=(), outputs=out("bias is None", "w1", "w2", "w3")),
    Case("3d", inputs((2, 5, 16), 40)),
    Case("4d", inputs((2, 3, 4, 8), 12)),
    Case("d_ff_not_multiple", inputs((2, 3, 12), 20)),
    Case("float64", inputs((2, 4, 8), 24, dtype="float64")),
    Case("large_activations", inputs((3, 16), 32, scale=20.0)),
]

_GATE = "F.silu(self.w1(x)) * self.w3(x)"
BUGS = [
    Bug("silu_on_up", "matches applying SiLU to the up projection w3; the gate is w1: silu(w1 x) * w3 x",
        {_GATE: "self.w1(x) * F.silu(self.w3(x))"}),
    Bug("sigmoid_gate", "matches a sigmoid gate (that is GLU); SwiGLU uses silu(z) = z * sigmoid(z)",
        {_GATE: "torch.sigmoid(self.w1(x)) * self.w3(x)"}),
    Bug("gelu_gate", "matches a GELU gate (that is GeGLU); SwiGLU uses SiLU",
        {_GATE: "F.gelu(self.w1(x)) * self.w3(x)"}),
    Bug("relu_gate", "matches a ReLU gate (that is ReGLU); SwiGLU uses SiLU",
        {_GATE: "F.relu(self.w1(x)) * self.w3(x)"}),
    Bug("no_up_projection", "matches a plain SiLU MLP, w2(silu(w1 x)); SwiGLU multiplies by the up projection w3 x",
        {_GATE: "F.silu(self.w1(x))"}),
    Bug("silu_after_product", "matches silu(w1 x * w3 x); only the gate branch goes through SiLU",
        {_GATE: "F.silu(self.w1(x) * self.w3(x))"}),
    Bug("with_biases", "w1, w2 and w3 are nn.Linear(..., bias=False); yours have biases",
        {"self.w1 = nn.Linear(d_model, d_ff, bias=False)": "self.w1 = nn.Linear(d_model, d_ff)",
         "self.w3 = nn.Linear(d_model, d_ff, bias=False)": "self.w3 = nn.Linear(d_model, d_ff)",
         "self.w2 = nn.Linear(d_ff, d_model, bias=False)": "self.w2 = nn.Linear(d_ff, d_model)"}),
]
