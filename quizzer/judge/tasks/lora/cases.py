"""Hidden cases and known bugs of the `lora` task."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from quizzer.judge.spec import Bug, Case, build, create, out, randn


def inputs(x: tuple[int, ...], out: int, r: int | None = None, alpha: float | None = None, bias: bool = True,
           dtype: str = "float32") -> Any:
    """x (..., in), base weight (out, in) and bias, and non-zero adapter weights A (r, in), B (out, r)."""
    def make(gen: torch.Generator) -> dict[str, Any]:
        n_in, rank = x[-1], r or 8
        return {"x": randn(*x, dtype=dtype).make(gen),
                "weight": randn(out, n_in, dtype=dtype, scale=n_in ** -0.5).make(gen),
                "bias": randn(out, dtype=dtype, scale=0.5).make(gen) if bias else None,
                "lora_A": randn(rank, n_in, dtype=dtype, scale=n_in ** -0.5).make(gen),
                "lora_B": randn(out, rank, dtype=dtype, scale=0.5).make(gen),
                **{k: v for k, v in (("r", r), ("alpha", alpha)) if v is not None}}
    return make


def options(a: dict[str, Any]) -> dict[str, Any]:
    """The case's r and alpha, when it sets them (else the constructor's defaults apply)."""
    return {k: a[k] for k in ("r", "alpha") if k in a}


def base_layer(a: dict[str, Any]) -> nn.Linear:
    """The frozen layer being adapted, in x's dtype and on x's device, with the case's weights."""
    x = a["x"]
    base = nn.Linear(a["weight"].shape[1], a["weight"].shape[0], bias=a["bias"] is not None,
                     device=x.device, dtype=x.dtype)
    with torch.no_grad():
        base.weight.copy_(a["weight"])
        if a["bias"] is not None:
            base.bias.copy_(a["bias"])
    return base


def adapter(api: Any, a: dict[str, Any]) -> Any:
    """LoRALinear around the case's base layer, with the case's (non-zero) A and B loaded."""
    return build(api.LoRALinear, base_layer(a), **options(a), params={"lora_A": a["lora_A"], "lora_B": a["lora_B"]},
                 like=a["x"])


def RUN(api: Any, a: dict[str, Any]) -> torch.Tensor:
    return adapter(api, a)(a["x"])


def fresh_output(api: Any, a: dict[str, Any]) -> torch.Tensor:
    """A new adapter, weights as initialised, must compute exactly the base layer (zeros expected)."""
    base = base_layer(a)
    lora = create(api.LoRALinear, base, **options(a))
    with torch.no_grad():
        return lora(a["x"]) - base(a["x"])


def initialisation(api: Any, a: dict[str, Any]) -> tuple[bool, bool]:
    """(A is not all zero, B is all zero) right after construction."""
    lora = create(api.LoRALinear, base_layer(a), **options(a))
    return bool((lora.lora_A != 0).any()), bool((lora.lora_B == 0).all())


def trainable(api: Any, a: dict[str, Any]) -> list[bool]:
    """requires_grad of base.weight, base.bias, lora_A and lora_B."""
    base = base_layer(a)
    lora = create(api.LoRALinear, base, **options(a))
    return [base.weight.requires_grad, base.bias.requires_grad, lora.lora_A.requires_grad, lora.lora_B.requires_grad]


def first_step_gradients(api: Any, a: dict[str, Any]) -> list[bool]:
    """After one training-mode backward pass from the initial weights: which of base.weight, lora_A, lora_B got a
    non-zero grad."""
    base = base_layer(a)
    lora = create(api.LoRALinear, base, **options(a)).train()
    lora(a["x"]).pow(2).sum().backward()
    return [p.grad is not None and bool((p.grad != 0).any()) for p in (base.weight, lora.lora_A, lora.lora_B)]


def merged(api: Any, a: dict[str, Any]) -> tuple[bool, bool, torch.Tensor, torch.Tensor]:
    """merge(): (an nn.Linear?, has a bias?, merged(x), the adapter's own output after merging)."""
    lora = adapter(api, a)
    with torch.no_grad():
        layer = lora.merge()
        return isinstance(layer, nn.Linear), layer.bias is not None, layer(a["x"]), lora(a["x"])


MERGED = out("merge", "merge() returned an nn.Linear", "the merged layer has a bias", "merged(x)",
             "adapter(x) after merge()")
_DEFAULT = "the defaults are r=8, alpha=16.0, so scaling = alpha / r = 2"
CASES = [
    Case("example_2d", inputs((4, 6), 5, r=2, alpha=4.0), hidden=False),
    Case("fresh_is_base", inputs((3, 10), 7), run=fresh_output,
         hint="a new adapter must compute exactly base(x): lora_B starts at zero",
         hint_after=(), outputs=out("adapter(x) - base(x)", kind="zeros")),
    Case("init_A_random_B_zero", inputs((3, 10), 7), run=initialisation,
         hint="lora_A starts random (non-zero) and lora_B at zero: the update B @ A starts at zero, yet both learn",
         hint_after=(), outputs=out("init", "lora_A is non-zero", "lora_B is all zero")),
    Case("base_frozen", inputs((3, 10), 7), run=trainable,
         hint="freeze base.weight and base.bias (requires_grad=False); lora_A and lora_B stay trainable",
         hint_after=(), outputs=out("requires_grad", "base.weight", "base.bias", "lora_A", "lora_B")),
    Case("first_step_gradients", inputs((3, 10), 7), run=first_step_gradients,
         hint="from the initial weights, only lora_B gets a non-zero gradient (B = 0 blocks A's); the base gets none",
         hint_after=(), outputs=out("got a non-zero gradient", "base.weight", "lora_A", "lora_B")),
    Case("3d_rank4_alpha12", inputs((2, 5, 12), 9, r=4, alpha=12.0)),
    Case("default_r_alpha", inputs((2, 3, 16), 16), hint=_DEFAULT),
    Case("no_bias", inputs((2, 4, 8), 6, r=3, alpha=6.0, bias=False)),
    Case("float64", inputs((2, 4, 8), 10, r=2, alpha=5.0, dtype="float64")),
    Case("merge", inputs((2, 4, 12), 9, r=4, alpha=12.0), run=merged,
         hint="merge() returns a new nn.Linear with weight W + (alpha / r) * B @ A and the base bias, and leaves "
              "the adapter itself unchanged",
         outputs=MERGED),
    Case("merge_no_bias", inputs((3, 8), 5, r=2, alpha=3.0, bias=False), run=merged,
         hint="merging a layer without bias gives an nn.Linear without bias",
         hint_after=("example_2d", "merge"), outputs=MERGED),
    Case("merge_float64", inputs((3, 8), 6, r=2, alpha=8.0, dtype="float64"), run=merged,
         outputs=MERGED),
]

_SCALING = "self.scaling = alpha / r"
_MERGE = "merged.weight.copy_(base.weight + self.scaling * (self.lora_B @ self.lora_A))"
BUGS = [
    Bug("both_zero_init", "matches initialising lora_A to zero as well: then B @ A stays zero and neither A nor B "
        "ever gets a gradient; initialise A randomly (Kaiming) and only B to zero",
        {"nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))": "nn.init.zeros_(self.lora_A)"}),
    Bug("B_random_init", "matches a random lora_B: the adapter must start as the base model, so B starts at zero",
        {"self.lora_B = nn.Parameter(torch.zeros(base.out_features, r, dtype=w.dtype, device=w.device))":
         "self.lora_B = nn.Parameter(torch.randn(base.out_features, r, dtype=w.dtype, device=w.device))"}),
    Bug("base_not_frozen", "matches leaving the base layer trainable: set requires_grad=False on its weight and bias",
        {"p.requires_grad_(False)": "pass"}),
    Bug("scaling_r_over_alpha", "matches scaling the update by r / alpha; LoRA scales it by alpha / r",
        {_SCALING: "self.scaling = r / alpha"}),
    Bug("rslora_scaling", "matches rank-stabilised LoRA's scaling alpha / sqrt(r) (PEFT's use_rslora=True); this task "
        "uses the original LoRA scaling alpha / r", {_SCALING: "self.scaling = alpha / math.sqrt(r)"}),
    Bug("scaling_alpha", "matches scaling the update by alpha; LoRA scales it by alpha / r",
        {_SCALING: "self.scaling = alpha"}),
    Bug("no_scaling", "matches leaving out the alpha / r scaling of the low-rank update",
        {_SCALING: "self.scaling = 1.0"}),
    Bug("merge_without_scaling", "merge() left out the scaling: the merged weight is W + (alpha / r) * B @ A",
        {_MERGE: "merged.weight.copy_(base.weight + self.lora_B @ self.lora_A)"}),
    Bug("merge_drops_bias", "merge() dropped the bias: the merged layer keeps the base layer's bias",
        {"bias=base.bias is not None,": "bias=False,", "if base.bias is not None:": "if False:"}),
    Bug("merge_in_place", "merge() changed the base layer in place, so the adapter now adds the update twice; "
        "build a new nn.Linear and leave self.base alone",
        {_MERGE: "base.weight.add_(self.scaling * (self.lora_B @ self.lora_A))\n"
                 "        merged.weight.copy_(base.weight)"}),
    Bug("merge_transposed", None, {"(self.lora_B @ self.lora_A)": "(self.lora_A.T @ self.lora_B.T)"}),
]
