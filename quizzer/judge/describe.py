"""How a mismatch is put into words: where the worst error is, which mask entries differ, what a set lacks."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from typing import Any


def close(e: float, a: float, rtol: float, atol: float) -> bool:
    """|a - e| <= atol + rtol * |e|, with equal NaNs equal and an infinity only matching itself."""
    if e == a or (math.isnan(e) and math.isnan(a)):
        return True
    if math.isinf(e) or math.isinf(a):  # inf - x is inf, and inf <= rtol * inf would accept anything
        return False
    return abs(a - e) <= atol + rtol * abs(e)


def describe_errors(ev: array, av: array, shape: list[int], rtol: float, atol: float, show: bool) -> str:
    """How far off the values are, where the worst one is, and (for a visible case) what it should be."""
    bad, nans, worst, worst_i, max_rel = 0, 0, -1.0, 0, 0.0
    for i, (e, a) in enumerate(zip(ev, av, strict=True)):
        if close(e, a, rtol, atol):
            continue
        bad += 1
        err = math.inf if math.isnan(a) or math.isinf(a) or math.isinf(e) else abs(a - e)
        nans += math.isnan(a) and not math.isnan(e)
        if err > worst:
            worst, worst_i = err, i
        max_rel = max(max_rel, err / abs(e) if e else math.inf)
    index = unravel(worst_i, shape)
    e, a = ev[worst_i], av[worst_i]
    if nans:
        head = f"produced NaN where the expected value is finite ({nans} of {len(ev)} values), first at {index}"
    elif rtol == 0 and atol == 0:
        head = f"{bad} of {len(ev)} values differ, first at {index}"
    else:
        head = (f"max abs error {num(worst)} at {index}, max rel error {num(max_rel)}; "
                f"{bad} of {len(ev)} values outside rtol={rtol:g}, atol={atol:g}")
    return head + (f" (expected {num(e)}, got {num(a)})" if show else "")


def describe_mask(ev: array, av: array, shape: list[int], labels: tuple[str, ...], is_mask: bool) -> str:
    """`3 of 20 entries differ, e.g. at [1, 4]: expected kept, got removed` (a wrong bool reveals little)."""
    bad = [i for i, (e, a) in enumerate(zip(ev, av, strict=True)) if bool(e) != bool(a)]
    first = bad[0]
    what = "entries" if is_mask else "values"
    head = f"{len(bad)} of {len(ev)} {what} differ"
    expected, got = labels[int(bool(ev[first]))], labels[int(bool(av[first]))]
    if is_mask:
        return (f"{head} (a mask: {labels[1]} or {labels[0]}), e.g. at {unravel(first, shape)}: expected {expected}, "
                f"got {got}")
    return f"{head}, first at {unravel(first, shape)} (expected {expected}, got {got})"


def describe_nonzero(av: array, shape: list[int]) -> str:
    """A property whose every value must be 0 (a difference that should vanish)."""
    worst = max(range(len(av)), key=lambda i: abs(av[i]) if not math.isnan(av[i]) else math.inf)
    n = sum(1 for x in av if x != 0)
    return (f"should be all zeros, but {n} of {len(av)} values are not; the largest, {num(av[worst])}, is at "
            f"{unravel(worst, shape)}")


def set_key(enc: dict[str, Any]) -> Any:
    """A hashable stand-in for one encoded item of a collection compared as a set."""
    return enc.get("v") if enc.get("k") in ("str", "int", "float", "bool") else repr(enc)


def minus(a: list[Any], b: list[Any]) -> list[Any]:
    """The multiset difference a - b, in a's order."""
    left = Counter(b)
    out = []
    for x in a:
        if left[x] > 0:
            left[x] -= 1
        else:
            out.append(x)
    return out


def short(x: Any) -> str:
    """A value as a short text for an example."""
    text = num(x) if isinstance(x, float) else repr(x) if isinstance(x, str) else str(x)
    return text if len(text) <= 40 else text[:37] + "..."


def unravel(flat: int, shape: list[int]) -> str:
    """A flat index as `[i, j, ...]` in `shape`."""
    index = []
    for dim in reversed(shape):
        index.append(flat % dim if dim else 0)
        flat //= dim if dim else 1
    return "[" + ", ".join(str(i) for i in reversed(index)) + "]"


def shape_text(shape: list[int]) -> str:
    """A shape as Python writes a tuple: `(2, 3)`, `(4,)`."""
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def num(x: float) -> str:
    """A number in four significant digits."""
    return f"{x:.4g}" if isinstance(x, float) else str(x)
