"""Comparison of encoded outputs in the parent, where the candidate's code cannot reach (no torch here)."""

from __future__ import annotations

import math
from array import array
from typing import Any

from quizzer.judge.protocol import decode_values

# (rtol, atol) by the dtype of the expected output; the reference is computed in float64.
TOLERANCES = {"float64": (1e-7, 1e-9), "float32": (1e-4, 1e-5), "float16": (5e-3, 5e-3),
              "bfloat16": (2e-2, 2e-2), "python float": (1e-6, 1e-9)}


def tolerance(expected: dict[str, Any], rtol: float | None, atol: float | None) -> tuple[float, float]:
    """The case's own tolerance, else the one for the expected dtype (exact for integers and bools)."""
    dtype = expected.get("dtype") if expected.get("k") == "tensor" else "python float"
    base = TOLERANCES.get(dtype or "", (0.0, 0.0))
    return (base[0] if rtol is None else rtol, base[1] if atol is None else atol)


def mismatch(expected: dict[str, Any], actual: dict[str, Any], rtol: float | None = None,
             atol: float | None = None, show_values: bool = False, where: str = "") -> str | None:
    """None when `actual` matches, else what is wrong in one sentence."""
    kind = expected["k"]
    at = f"output{where}: " if where else ""  # where: "[1]" or "['bias']" inside a returned tuple or dict
    if actual.get("k") != kind:
        return f"{at}returned {_what(actual)}, expected {_what(expected)}"
    if kind == "tensor":
        return _tensor(expected, actual, tolerance(expected, rtol, atol), show_values, at)
    if kind == "seq":
        e_items, a_items = expected["items"], actual["items"]
        if len(e_items) != len(a_items):
            return f"{at}returned {len(a_items)} items, expected {len(e_items)}"
        for i, (e, a) in enumerate(zip(e_items, a_items)):
            problem = mismatch(e, a, rtol, atol, show_values, f"{where}[{i}]")
            if problem:
                return problem
        return None
    if kind == "dict":
        if [k for k, _ in expected["items"]] != [k for k, _ in actual["items"]]:
            return f"{at}returned other keys"
        for (key, e), (_, a) in zip(expected["items"], actual["items"]):
            problem = mismatch(e, a, rtol, atol, show_values, f"{where}[{key.get('v')!r}]")
            if problem:
                return problem
        return None
    if kind == "float":
        r, a = tolerance(expected, rtol, atol)
        e, got = expected["v"], actual["v"]
        if _close(e, got, r, a):
            return None
        return f"{at}expected {e!r}, got {got!r}" if show_values else f"{at}off by {_num(abs(got - e))}"
    if kind == "object":
        same = expected["type"] == actual["type"]
        return None if same else f"{at}returned {_what(actual)}, expected {_what(expected)}"
    if expected.get("v") == actual.get("v"):
        return None
    return f"{at}expected {expected.get('v')!r}, got {actual.get('v')!r}" if show_values else f"{at}wrong value"


def matches(variant: dict[str, Any], actual: dict[str, Any], rtol: float | None, atol: float | None) -> bool:
    """`actual` equals a known-bug output (computed on the CPU, so the device is not compared)."""
    return mismatch(_cpu(variant), _cpu(actual), rtol, atol) is None


def _cpu(enc: dict[str, Any]) -> dict[str, Any]:
    if enc.get("k") == "tensor":
        return enc | {"device": "-"}
    if enc.get("k") == "seq":
        return enc | {"items": [_cpu(e) for e in enc["items"]]}
    return enc


def _what(enc: dict[str, Any]) -> str:
    k = enc.get("k")
    if k == "tensor":
        if enc["type"] != "torch.Tensor":
            return f"a {enc['type']} (a torch.Tensor subclass; return a plain torch.Tensor)"
        return f"a Tensor of shape {_shape(enc['shape'])}"
    if k == "seq":
        return f"a {enc['type']} of {len(enc['items'])}"
    return {"none": "None", "float": "a float", "int": "an int", "bool": "a bool", "str": "a str",
            "dict": "a dict"}.get(k or "", f"a {enc.get('type', k)}")


def _tensor(e: dict[str, Any], a: dict[str, Any], tol: tuple[float, float], show: bool, at: str) -> str | None:
    if a["type"] != e["type"]:
        return f"{at}returned {_what(a)}, expected a torch.Tensor"
    for key, label in (("shape", "shape"), ("dtype", "dtype"), ("device", "device")):
        if a[key] != e[key]:
            got, want = (_shape(a[key]), _shape(e[key])) if key == "shape" else (a[key], e[key])
            advice = {"shape": " (outputs are not broadcast)", "dtype": " (keep the input's dtype)",
                      "device": " (keep the input's device)"}[key]
            return f"{at}{label} {got}, expected {want}{advice}"
    if "data" not in a:
        return f"{at}the output could not be read"
    ev, av = decode_values(e["data"], e["code"]), decode_values(a["data"], a["code"])
    rtol, atol = tol if e["code"] == "d" else (0.0, 0.0)
    if _all_close(ev, av, rtol, atol):
        return None
    return at + _describe_errors(ev, av, e["shape"], rtol, atol, show)


def _close(e: float, a: float, rtol: float, atol: float) -> bool:
    if e == a or (math.isnan(e) and math.isnan(a)):
        return True
    if math.isinf(e) or math.isinf(a):  # inf - x is inf, and inf <= rtol * inf would accept anything
        return False
    return abs(a - e) <= atol + rtol * abs(e)


def _all_close(ev: array, av: array, rtol: float, atol: float) -> bool:
    if len(ev) != len(av):
        return False
    if ev == av:
        return True
    return all(_close(e, a, rtol, atol) for e, a in zip(ev, av))


def _describe_errors(ev: array, av: array, shape: list[int], rtol: float, atol: float, show: bool) -> str:
    bad, nans, worst, worst_i, max_rel = 0, 0, -1.0, 0, 0.0
    for i, (e, a) in enumerate(zip(ev, av)):
        if _close(e, a, rtol, atol):
            continue
        bad += 1
        err = math.inf if math.isnan(a) or math.isinf(a) or math.isinf(e) else abs(a - e)
        nans += math.isnan(a) and not math.isnan(e)
        if err > worst:
            worst, worst_i = err, i
        max_rel = max(max_rel, err / abs(e) if e else math.inf)
    index = _unravel(worst_i, shape)
    e, a = ev[worst_i], av[worst_i]
    if nans:
        head = f"produced NaN where the expected value is finite ({nans} of {len(ev)} values), first at {index}"
    elif rtol == 0 and atol == 0:
        head = f"{bad} of {len(ev)} values differ, first at {index}"
    else:
        head = (f"max abs error {_num(worst)} at {index}, max rel error {_num(max_rel)}; "
                f"{bad} of {len(ev)} values outside rtol={rtol:g}, atol={atol:g}")
    return head + (f" (expected {_num(e)}, got {_num(a)})" if show else "")


def _unravel(flat: int, shape: list[int]) -> str:
    index = []
    for dim in reversed(shape):
        index.append(flat % dim if dim else 0)
        flat //= dim if dim else 1
    return "[" + ", ".join(str(i) for i in reversed(index)) + "]"


def _shape(shape: list[int]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def _num(x: float) -> str:
    return f"{x:.4g}" if isinstance(x, float) else str(x)
