"""Comparison of encoded outputs in the parent, where the candidate's code cannot reach (no torch here)."""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from typing import Any

from quizzer.judge.describe import (
    close,
    describe_errors,
    describe_mask,
    describe_nonzero,
    minus,
    num,
    set_key,
    shape_text,
    short,
    unravel,
)
from quizzer.judge.messages import OutputName
from quizzer.judge.protocol import decode_values

# (rtol, atol) by the dtype of the expected output; the reference is computed in float64.
TOLERANCES = {"float64": (1e-7, 1e-9), "float32": (1e-4, 1e-5), "float16": (5e-3, 5e-3),
              "bfloat16": (2e-2, 2e-2), "python float": (1e-6, 1e-9)}
# The precision policy, written once (docs/judge-tasks.md): a float64 output must have dtype float64, but its
# values need only float32-grade accuracy (torch's own float32 paths, RoPE angles or a softmax in float32 are
# fine) unless the case demands float64 arithmetic, which its starter then states (strict=True).
LENIENT = {"float64": "float32"}


def tolerance(expected: dict[str, Any], rtol: float | None, atol: float | None,
              strict: bool = False) -> tuple[float, float]:
    """The case's own tolerance, else the one for the expected dtype under the policy (exact for integers)."""
    dtype = expected.get("dtype") if expected.get("k") == "tensor" else "python float"
    dtype = dtype if strict else LENIENT.get(dtype or "", dtype)
    base = TOLERANCES.get(dtype or "", (0.0, 0.0))
    return (base[0] if rtol is None else rtol, base[1] if atol is None else atol)


@dataclass(frozen=True)
class Mismatch:
    """What is wrong with an output: the kind of failure, and one sentence in the task's terms."""

    kind: str  # type, shape, dtype, device, values, nonfinite, unreadable
    text: str


def mismatch(expected: dict[str, Any], actual: dict[str, Any], rtol: float | None = None,
             atol: float | None = None, show_values: bool = False, where: str = "", strict: bool = False,
             names: OutputName | None = None, dtypes: list[str] | None = None) -> str | None:
    """None when `actual` matches, else what is wrong in one sentence."""
    found = find_mismatch(expected, actual, rtol, atol, show_values, strict, names, dtypes, where)
    return None if found is None else found.text


def find_mismatch(expected: dict[str, Any], actual: dict[str, Any], rtol: float | None = None,
                  atol: float | None = None, show_values: bool = False, strict: bool = False,
                  names: OutputName | None = None, dtypes: list[str] | None = None, where: str = "") -> Mismatch | None:
    """None when `actual` matches, else the first thing wrong with it, named with the task's output names."""
    return _Compare(rtol, atol, show_values, strict, dtypes).run(expected, actual, names, where)


class _Compare:
    """One comparison's settings, walked down an output and its names together."""

    def __init__(self, rtol: float | None, atol: float | None, show: bool, strict: bool,
                 dtypes: list[str] | None, wildcard: bool = False) -> None:
        self.rtol, self.atol, self.show, self.strict, self.dtypes = rtol, atol, show, strict, dtypes
        self.wildcard = wildcard  # a NaN expected value matches anything (a known bug's undefined rows)

    def run(self, expected: dict[str, Any], actual: dict[str, Any], names: OutputName | None,
            where: str) -> Mismatch | None:
        kind = expected["k"]
        # `where` is the path when no name is given: "[1]" or "['bias']" inside a returned tuple or dict.
        label = names.name if names is not None else (f"output{where}" if where else "")
        at = f"{label}: " if label else ""
        out_kind = names.kind if names is not None else "values"
        if actual.get("k") != kind:
            return Mismatch("type", f"{at}returned {_what(actual)}, expected {_what(expected)}")
        if out_kind == "set" and kind in ("seq", "tensor"):
            return _as_set(expected, actual, label, self.show)
        if kind == "tensor":
            return self._tensor(expected, actual, names, at)
        if kind == "seq":
            e_items, a_items = expected["items"], actual["items"]
            if len(e_items) != len(a_items):
                # A list's length is data (merges learned, tokens emitted); a tuple's is the output's structure.
                kind = "values" if expected.get("type") == "list" else "type"
                return Mismatch(kind, f"{at}returned {len(a_items)} items, expected {len(e_items)}")
            for i, (e, a) in enumerate(zip(e_items, a_items, strict=True)):
                problem = self.run(e, a, _item(names, i, f"[{i}]"), f"{where}[{i}]")
                if problem:
                    return problem
            return None
        if kind == "dict":
            if [k for k, _ in expected["items"]] != [k for k, _ in actual["items"]]:
                return Mismatch("type", f"{at}returned other keys")
            for (key, e), (_, a) in zip(expected["items"], actual["items"], strict=True):
                step = f"[{key.get('v')!r}]"
                problem = self.run(e, a, _item(names, None, step), f"{where}{step}")
                if problem:
                    return problem
            return None
        if kind == "float":
            r, a = tolerance(expected, self.rtol, self.atol, self.strict)
            e, got = expected["v"], actual["v"]
            if close(e, got, r, a):
                return None
            finite = math.isfinite(got) or not math.isfinite(e)
            text = f"{at}expected {e!r}, got {got!r}" if self.show else f"{at}off by {num(abs(got - e))}"
            return Mismatch("values" if finite else "nonfinite", text)
        if kind == "object":
            if expected["type"] == actual["type"]:
                return None
            return Mismatch("type", f"{at}returned {_what(actual)}, expected {_what(expected)}")
        if expected.get("v") == actual.get("v"):
            return None
        if self.show or kind == "bool":  # a wrong bool says its expected value anyway
            return Mismatch("values", f"{at}expected {expected.get('v')!r}, got {actual.get('v')!r}")
        return Mismatch("values", f"{at}wrong value")

    def _tensor(self, e: dict[str, Any], a: dict[str, Any], names: OutputName | None, at: str) -> Mismatch | None:
        if a["type"] != e["type"]:
            return Mismatch("type", f"{at}returned {_what(a)}, expected a torch.Tensor")
        for field in ("shape", "dtype", "device"):
            if a[field] != e[field]:
                got, want = (shape_text(a[field]), shape_text(e[field])) if field == "shape" else (a[field], e[field])
                return Mismatch(field, f"{at}{field} {got}, expected {want}{self._advice(field, e)}")
        if "data" not in a:
            return Mismatch("unreadable", f"{at}the output could not be read")
        ev, av = decode_values(e["data"], e["code"]), decode_values(a["data"], a["code"])
        if len(av) != len(ev):
            return Mismatch("unreadable", f"{at}the output could not be read")
        rtol, atol = tolerance(e, self.rtol, self.atol, self.strict) if e["code"] == "d" else (0.0, 0.0)
        if _allclose(ev, av, rtol, atol, self.wildcard):
            return None
        kind = names.kind if names is not None else "values"
        if kind == "mask" or e["code"] == "B":
            labels = tuple(names.labels) if names is not None and kind == "mask" else ("False", "True")
            return Mismatch("values", at + describe_mask(ev, av, e["shape"], labels, kind == "mask"))
        if kind == "zeros":
            return Mismatch("values", at + describe_nonzero(av, e["shape"]))
        nans = any(math.isnan(x) or math.isinf(x) for x in av) and not any(math.isnan(x) or math.isinf(x) for x in ev)
        return Mismatch("nonfinite" if nans else "values", at + describe_errors(ev, av, e["shape"], rtol, atol,
                                                                                  self.show))

    def _advice(self, field: str, expected: dict[str, Any]) -> str:
        if field == "shape":
            return " (outputs are not broadcast)"
        if field == "device":
            return " (keep the input's device)"
        # "Keep the input's dtype" only where an input of that dtype exists (not for int8 codes, index tensors,
        # or a table built from integers alone).
        want = expected.get("dtype")
        if self.dtypes is None:
            return " (keep the input's dtype)" if want in TOLERANCES else ""
        return " (keep the input's dtype)" if want in self.dtypes else ""


def _item(names: OutputName | None, i: int | None, step: str) -> OutputName | None:
    """The name of item `i` (or of a dict entry): its own name if the task gives one, else parent[i]."""
    if names is None:
        return None
    if i is not None and i < len(names.items):
        return names.items[i]
    return OutputName(f"{names.name}{step}", names.kind if names.kind in ("mask", "zeros") else "values",
                      names.labels, [])


def matches(variant: dict[str, Any], actual: dict[str, Any], rtol: float | None, atol: float | None,
            strict: bool = False, wildcard: bool = False) -> bool:
    """`actual` equals a known-bug output (computed on the CPU, so the device is not compared).

    With `wildcard`, the bug's NaN values match anything: where a known convention is undefined (a query
    row with no visible key under a bottom-right causal mask), code following it may return anything.
    """
    return _Compare(rtol, atol, False, strict, None, wildcard).run(_cpu(variant), _cpu(actual), None, "") is None


def float32_grade_only(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    """Some float64 tensor of a passing output is outside float64-grade tolerance (so only float32-grade)."""
    if expected.get("k") == "tensor":
        exact = _Compare(*TOLERANCES["float64"], False, True, None)
        return expected.get("dtype") == "float64" and exact._tensor(expected, actual, None, "") is not None
    if expected.get("k") == "seq":
        return any(float32_grade_only(e, a) for e, a in zip(expected["items"], actual["items"], strict=True))
    if expected.get("k") == "dict":
        return any(float32_grade_only(e[1], a[1]) for e, a in zip(expected["items"], actual["items"], strict=True))
    return False


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
        return f"a Tensor of shape {shape_text(enc['shape'])}"
    if k == "seq":
        return f"a {enc['type']} of {len(enc['items'])}"
    return {"none": "None", "float": "a float", "int": "an int", "bool": "a bool", "str": "a str",
            "dict": "a dict"}.get(k or "", f"a {enc.get('type', k)}")


def _allclose(ev: array, av: array, rtol: float, atol: float, wildcard: bool = False) -> bool:
    if len(ev) != len(av):
        return False
    if ev == av:
        return True
    return all(close(e, a, rtol, atol) or (wildcard and math.isnan(e)) for e, a in zip(ev, av, strict=True))


def _as_set(expected: dict[str, Any], actual: dict[str, Any], label: str, show: bool) -> Mismatch | None:
    """A collection compared as a (multi)set: row by row for a tensor (its last dimension), whole for a list."""
    name = f"{label or 'output'} (compared as a set)"
    if expected["k"] == "tensor":
        e_shape, a_shape = expected.get("shape", []), actual.get("shape", [])
        # Sets may differ in size (a row of k indices against k + 1), not in what they are sets of.
        if (len(a_shape) != len(e_shape) or a_shape[:-1] != e_shape[:-1] or actual.get("dtype") != expected.get("dtype")
                or actual.get("type") != expected.get("type")):
            return _Compare(None, None, show, False, None)._tensor(expected, actual, None, f"{label}: ")
        if "data" not in actual:
            return Mismatch("unreadable", f"{label or 'output'}: the output could not be read")
        ev, av = decode_values(expected["data"], expected["code"]), decode_values(actual["data"], actual["code"])
        ew, aw = (e_shape[-1], a_shape[-1]) if e_shape else (1, 1)
        count = len(ev) // ew if ew else 0
        rows = [(list(ev[r * ew:(r + 1) * ew]), list(av[r * aw:(r + 1) * aw])) for r in range(count)]
        lead = e_shape[:-1]
    else:
        rows = [([set_key(x) for x in expected["items"]], [set_key(x) for x in actual["items"]])]
        lead = []
    for r, (want, got) in enumerate(rows):
        missing, unexpected = minus(want, got), minus(got, want)
        if not missing and not unexpected:
            continue
        where = f" in row {unravel(r, lead)}" if lead else ""
        counts = (f"{len(missing)} expected element{'s' if len(missing) != 1 else ''} missing, {len(unexpected)} "
                  f"unexpected{where}")
        seen = minus(got, list(dict.fromkeys(got)))
        dupes = f"; {short(seen[0])} appears more than once" if seen else ""
        example = f" (unexpected: {short(unexpected[0])})" if unexpected and not seen else ""
        if show and missing:
            example = f" (missing: {short(missing[0])}" + (f"; unexpected: {short(unexpected[0])})" if unexpected
                                                            else ")")
        return Mismatch("values", f"{name}: {counts}{dupes}{example}")
    return None
