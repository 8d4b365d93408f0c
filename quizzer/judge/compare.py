"""Comparison of encoded outputs in the parent, where the candidate's code cannot reach (no torch here)."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any

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
                return Mismatch("type", f"{at}returned {len(a_items)} items, expected {len(e_items)}")
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
            if _close(e, got, r, a):
                return None
            finite = math.isfinite(got) or not math.isfinite(e)
            text = f"{at}expected {e!r}, got {got!r}" if self.show else f"{at}off by {_num(abs(got - e))}"
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
        for key in ("shape", "dtype", "device"):
            if a[key] != e[key]:
                got, want = (_shape(a[key]), _shape(e[key])) if key == "shape" else (a[key], e[key])
                return Mismatch(key, f"{at}{key} {got}, expected {want}{self._advice(key, e)}")
        if "data" not in a:
            return Mismatch("unreadable", f"{at}the output could not be read")
        ev, av = decode_values(e["data"], e["code"]), decode_values(a["data"], a["code"])
        if len(av) != len(ev):
            return Mismatch("unreadable", f"{at}the output could not be read")
        rtol, atol = tolerance(e, self.rtol, self.atol, self.strict) if e["code"] == "d" else (0.0, 0.0)
        if _all_close(ev, av, rtol, atol, self.wildcard):
            return None
        kind = names.kind if names is not None else "values"
        if kind == "mask" or e["code"] == "B":
            labels = tuple(names.labels) if names is not None and kind == "mask" else ("False", "True")
            return Mismatch("values", at + _describe_mask(ev, av, e["shape"], labels, kind == "mask"))
        if kind == "zeros":
            return Mismatch("values", at + _describe_nonzero(av, e["shape"]))
        nans = any(math.isnan(x) or math.isinf(x) for x in av) and not any(math.isnan(x) or math.isinf(x) for x in ev)
        return Mismatch("nonfinite" if nans else "values", at + _describe_errors(ev, av, e["shape"], rtol, atol,
                                                                                  self.show))

    def _advice(self, key: str, expected: dict[str, Any]) -> str:
        if key == "shape":
            return " (outputs are not broadcast)"
        if key == "device":
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
        return f"a Tensor of shape {_shape(enc['shape'])}"
    if k == "seq":
        return f"a {enc['type']} of {len(enc['items'])}"
    return {"none": "None", "float": "a float", "int": "an int", "bool": "a bool", "str": "a str",
            "dict": "a dict"}.get(k or "", f"a {enc.get('type', k)}")


def _close(e: float, a: float, rtol: float, atol: float) -> bool:
    if e == a or (math.isnan(e) and math.isnan(a)):
        return True
    if math.isinf(e) or math.isinf(a):  # inf - x is inf, and inf <= rtol * inf would accept anything
        return False
    return abs(a - e) <= atol + rtol * abs(e)


def _all_close(ev: array, av: array, rtol: float, atol: float, wildcard: bool = False) -> bool:
    if len(ev) != len(av):
        return False
    if ev == av:
        return True
    return all(_close(e, a, rtol, atol) or (wildcard and math.isnan(e)) for e, a in zip(ev, av, strict=True))


def _describe_errors(ev: array, av: array, shape: list[int], rtol: float, atol: float, show: bool) -> str:
    bad, nans, worst, worst_i, max_rel = 0, 0, -1.0, 0, 0.0
    for i, (e, a) in enumerate(zip(ev, av, strict=True)):
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


def _describe_mask(ev: array, av: array, shape: list[int], labels: tuple[str, ...], is_mask: bool) -> str:
    """`3 of 20 entries differ, e.g. at [1, 4]: expected kept, got removed` (a wrong bool reveals little)."""
    bad = [i for i, (e, a) in enumerate(zip(ev, av, strict=True)) if bool(e) != bool(a)]
    first = bad[0]
    what = "entries" if is_mask else "values"
    head = f"{len(bad)} of {len(ev)} {what} differ"
    expected, got = labels[int(bool(ev[first]))], labels[int(bool(av[first]))]
    if is_mask:
        return (f"{head} (a mask: {labels[1]} or {labels[0]}), e.g. at {_unravel(first, shape)}: expected {expected}, "
                f"got {got}")
    return f"{head}, first at {_unravel(first, shape)} (expected {expected}, got {got})"


def _describe_nonzero(av: array, shape: list[int]) -> str:
    """A property whose every value must be 0 (a difference that should vanish)."""
    worst = max(range(len(av)), key=lambda i: abs(av[i]) if not math.isnan(av[i]) else math.inf)
    n = sum(1 for x in av if x != 0)
    return (f"should be all zeros, but {n} of {len(av)} values are not; the largest, {_num(av[worst])}, is at "
            f"{_unravel(worst, shape)}")


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
        rows = [([_key(x) for x in expected["items"]], [_key(x) for x in actual["items"]])]
        lead = []
    for r, (want, got) in enumerate(rows):
        missing, unexpected = _minus(want, got), _minus(got, want)
        if not missing and not unexpected:
            continue
        where = f" in row {_unravel(r, lead)}" if lead else ""
        counts = (f"{len(missing)} expected element{'s' if len(missing) != 1 else ''} missing, {len(unexpected)} "
                  f"unexpected{where}")
        seen = _minus(got, list(dict.fromkeys(got)))
        dupes = f"; {_short(seen[0])} appears more than once" if seen else ""
        example = f" (unexpected: {_short(unexpected[0])})" if unexpected and not seen else ""
        if show and missing:
            example = f" (missing: {_short(missing[0])}" + (f"; unexpected: {_short(unexpected[0])})" if unexpected
                                                            else ")")
        return Mismatch("values", f"{name}: {counts}{dupes}{example}")
    return None


def _key(enc: dict[str, Any]) -> Any:
    return enc.get("v") if enc.get("k") in ("str", "int", "float", "bool") else repr(enc)


def _minus(a: list[Any], b: list[Any]) -> list[Any]:
    """The multiset difference a - b, in a's order."""
    left = Counter(b)
    out = []
    for x in a:
        if left[x] > 0:
            left[x] -= 1
        else:
            out.append(x)
    return out


def _short(x: Any) -> str:
    text = _num(x) if isinstance(x, float) else repr(x) if isinstance(x, str) else str(x)
    return text if len(text) <= 40 else text[:37] + "..."


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
