"""Hidden cases and known bugs of the `quantize` task."""

from __future__ import annotations

from typing import Any

import torch

from quizzer.judge.spec import Bug, Case, out, randint, randn

OUTPUTS = out("result", "q", "scale", "dequantized")


def RUN(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(q, scale, dequantize(q, scale)) with the candidate's own q and scale."""
    q, scale = api.quantize_absmax(a["x"], **{k: a[k] for k in ("bits", "dim") if k in a})
    return q, scale, api.dequantize(q, scale)


ZERO_SLICES = out("result", "q", "scale of the non-zero slices",
                  out("scale of each all-zero slice", kind="mask", labels=("not positive", "positive")), "dequantized")


def zero_slices(api: Any, a: dict[str, Any]) -> tuple[torch.Tensor, ...]:
    """q, the scales of the non-zero slices, whether each all-zero slice got a positive scale, the dequantisation."""
    q, scale = api.quantize_absmax(a["x"], **{k: a[k] for k in ("bits", "dim") if k in a})
    nonzero = a["x"].abs().amax(dim=a["dim"], keepdim=True) > 0 if "dim" in a else a["x"].abs().amax() > 0
    zero_scales = scale[~nonzero]
    return q, scale[nonzero], (zero_scales > 0) & zero_scales.isfinite(), api.dequantize(q, scale)


def with_zero_row(gen: torch.Generator) -> dict[str, Any]:
    x = randn(4, 10).make(gen)
    x[2] = 0.0
    return {"x": x, "dim": -1}


def negative_outliers(gen: torch.Generator) -> dict[str, Any]:
    """Each row's largest magnitude is a negative value."""
    x = randn(5, 8).make(gen)
    x[torch.arange(5), torch.arange(5)] = -6.0 - torch.arange(5.0)
    return {"x": x, "dim": 1}


def given_q(gen: torch.Generator) -> dict[str, Any]:
    """dequantize alone, on int8 values and per-row scales."""
    return {"q": randint(-127, 128, 3, 6).make(gen).to(torch.int8),
            "scale": randn(3, 1, dtype="float64").make(gen).abs() / 127}


CASES = [
    Case("example_per_tensor", {"x": randn(4, 8)}, hidden=False, upcast=False),
    Case("per_row", {"x": randn(6, 16, scale=3.0), "dim": -1}, upcast=False,
         hint="dim=-1 on (rows, cols) gives one scale per row, the max |x| taken along the row (keepdim)"),
    Case("per_column", {"x": randn(5, 7), "dim": 0}, upcast=False),
    Case("3d_dim1", {"x": randn(2, 6, 4), "dim": 1}, upcast=False),
    Case("4_bits", {"x": randn(4, 12), "bits": 4, "dim": -1}, upcast=False,
         hint="qmax = 2**(bits-1) - 1 = 7 for 4 bits; q is still stored as int8", hint_on="any"),
    Case("negative_outliers", negative_outliers, upcast=False, hint="the scale comes from max |x|, signs included"),
    # The starter says an all-zero slice gets a positive scale, and the scale is checked: an unguarded 0 / 0 fails on
    # every platform, even where a NaN happens to cast to int8 as 0.
    Case("all_zero", {"x": torch.zeros(3, 5)}, run=zero_slices, upcast=False, outputs=ZERO_SLICES,
         hint="an all-zero input needs a positive scale (max|x| / qmax would be 0, and x / 0 is NaN): q = 0, "
              "dequantised 0"),
    Case("zero_row", with_zero_row, run=zero_slices, upcast=False, outputs=ZERO_SLICES,
         hint="an all-zero slice needs a positive scale (max|x| / qmax would be 0, and x / 0 is NaN): q = 0, "
              "dequantised 0"),
    Case("float64", {"x": randn(3, 9, dtype="float64", scale=0.01), "dim": 0}, upcast=False),
    Case("dequantize_only", given_q, run=lambda api, a: api.dequantize(a["q"], a["scale"]),
         hint="dequantize returns q * scale as floating point, in scale's dtype", hint_on="any", hint_after=(),
         outputs="dequantized"),
]

BUGS = [
    Bug("qmax_128", "matches dividing by 2**(bits-1) (128 for int8); the symmetric range is qmax = 2**(bits-1) - 1",
        {"qmax = 2 ** (bits - 1) - 1": "qmax = 2 ** (bits - 1)"}),
    Bug("qmax_unsigned", "matches the unsigned range 2**bits - 1; symmetric signed quantisation uses "
        "2**(bits-1) - 1", {"qmax = 2 ** (bits - 1) - 1": "qmax = 2 ** bits - 1"}),
    Bug("truncates", "matches truncating towards zero (a bare integer cast); round to the nearest integer first",
        {"torch.round(x / scale)": "(x / scale)"}),
    Bug("max_not_absmax", "matches a scale from max(x); use max(|x|), or large negative values fall outside the "
        "range", {"absmax = x.abs().amax(dim=dim, keepdim=True)": "absmax = x.amax(dim=dim, keepdim=True)"}),
    Bug("reduces_other_dims", "matches one scale per index of dim (the max over the other dimensions); the max "
        "is taken along dim, one scale per slice",
        {"absmax = x.abs().amax(dim=dim, keepdim=True)":
         "absmax = x.abs().amax(dim=[d for d in range(x.dim()) if d != dim % x.dim()], keepdim=True)"}),
    Bug("dequantize_divides", "matches dividing by the scale in dequantize; x is approximately q * scale",
        {"return q.to(scale.dtype) * scale": "return q.to(scale.dtype) / scale"}),
    Bug("no_keepdim", None, {"absmax = x.abs().amax(dim=dim, keepdim=True)": "absmax = x.abs().amax(dim=dim)"}),
]
