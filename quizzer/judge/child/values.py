"""Tensor helpers of the child, bound to torch's C methods before any user code is imported.

User code may reassign `torch.Tensor.tolist`, `torch.equal` or `torch.Tensor.shape`; the harness only
calls the function objects captured here, which such patches cannot reach.
"""

from __future__ import annotations

import copy
import ctypes
import zlib
from typing import Any

import torch

from quizzer.judge.protocol import encode_values

_TB = torch._C.TensorBase
_Tensor = torch.Tensor
_Module = torch.nn.Module
_shape = _TB.__dict__["shape"].__get__
_dtype = _TB.__dict__["dtype"].__get__
_device = _TB.__dict__["device"].__get__
_requires_grad = _TB.__dict__["requires_grad"].__get__
_detach, _clone, _to, _contiguous = _TB.detach, _TB.clone, _TB.to, _TB.contiguous
_data_ptr, _numel, _element_size = _TB.data_ptr, _TB.numel, _TB.element_size
_is_floating, _requires_grad_ = _TB.is_floating_point, _TB.requires_grad_
_equal, _isnan, _logical_not, _index = torch.equal, torch.isnan, torch.logical_not, _TB.__getitem__
_deepcopy = copy.deepcopy
_manual_seed = torch.manual_seed
_crc32 = zlib.crc32
_string_at = ctypes.string_at
_FLOATS = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
_CODES = {torch.bool: ("B", torch.uint8)}
_MAX_ITEMS = 100_000


def seed_for(task: str, case: str) -> int:
    """The global RNG seed of a case (its inputs use their own generator, seeded differently)."""
    return _crc32(f"{task}/{case}/global".encode())


def reseed(seed: int) -> None:
    """Reset torch's global RNG (every device) with the function captured before any candidate code ran."""
    _manual_seed(seed)


def is_tensor(obj: Any) -> bool:
    """A tensor of any (sub)class."""
    return isinstance(obj, _Tensor)


def dtype_name(t: torch.Tensor) -> str:
    """`float32`, not `torch.float32`."""
    return str(_dtype(t)).removeprefix("torch.")


def shape_of(t: torch.Tensor) -> list[int]:
    """The shape as plain ints."""
    return [int(n) for n in _shape(t)]


def type_name(obj: Any) -> str:
    """The exact class, as `module.Qualname` (builtins without a module)."""
    cls = type(obj)
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def encode(obj: Any, device: str | None = None, max_numel: int | None = None, depth: int = 0) -> dict[str, Any]:
    """A plain JSON-able picture of an output; tensors keep type, dtype, shape, device and packed values."""
    if depth > 20:
        return {"k": "object", "type": "nested too deeply"}
    if isinstance(obj, _Tensor):
        return _encode_tensor(obj, device, max_numel)
    if obj is None:
        return {"k": "none"}
    if isinstance(obj, bool):
        return {"k": "bool", "v": bool.__bool__(obj)}
    if isinstance(obj, int):
        return {"k": "int", "v": int.__index__(obj)}
    if isinstance(obj, float):
        return {"k": "float", "v": float.__float__(obj)}
    if isinstance(obj, str):
        return {"k": "str", "v": str.__str__(obj)[:_MAX_ITEMS]}
    if isinstance(obj, (tuple, list)):
        # The base class's own methods: a subclass may override __len__ and __getitem__.
        base: Any = tuple if isinstance(obj, tuple) else list
        n = min(base.__len__(obj), _MAX_ITEMS)
        items = [encode(base.__getitem__(obj, i), device, max_numel, depth + 1) for i in range(n)]
        return {"k": "seq", "type": base.__name__, "items": items}
    if isinstance(obj, dict):
        pairs = list(dict.items(obj))[:_MAX_ITEMS]
        both = [[encode(k, device, max_numel, depth + 1), encode(v, device, max_numel, depth + 1)] for k, v in pairs]
        return {"k": "dict", "items": both}
    return {"k": "object", "type": type_name(obj)}


def _encode_tensor(t: torch.Tensor, device: str | None, max_numel: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {"k": "tensor", "type": type_name(t)}
    if type(t) is not _Tensor:
        # A subclass may override every method; its data is never read.
        return out
    dt = _dtype(t)
    out.update(dtype=dtype_name(t), shape=shape_of(t), device=device or _device(t).type)
    n = _numel(t)
    if max_numel is not None and n > max_numel:
        return out
    if dt in _FLOATS:
        code, target = "d", torch.float64
    elif dt in _CODES:
        code, target = _CODES[dt]
    elif dt.is_complex:
        return out | {"dtype": dtype_name(t) + " (complex values are not compared)"}
    else:
        code, target = "q", torch.int64
    flat = _contiguous(_to(_detach(t), device="cpu", dtype=target))
    raw = _string_at(_data_ptr(flat), n * _element_size(flat)) if n else b""
    return out | {"code": code, "data": encode_values(raw)}


def merge(native: dict[str, Any], precise: dict[str, Any]) -> dict[str, Any]:
    """`native`'s type, dtype and shape with the values of the float64 run where the two line up."""
    if native["k"] == "tensor" and precise.get("k") == "tensor" and "data" in native and "data" in precise:
        if native["shape"] == precise["shape"] and native.get("code") == precise.get("code") == "d":
            return native | {"data": precise["data"]}
        return native
    if native["k"] == "float" and precise.get("k") == "float":
        return precise
    if native["k"] == "seq" and precise.get("k") == "seq" and len(native["items"]) == len(precise["items"]):
        return native | {"items": [merge(a, b) for a, b in zip(native["items"], precise["items"], strict=True)]}
    return native


def clone(obj: Any, device: str | None = None, upcast: bool = False) -> Any:
    """A private copy of an input tree (tensors, modules, lists, dicts), optionally moved or upcast to float64."""
    if isinstance(obj, _Tensor):
        t = _clone(_detach(obj))
        if upcast and _is_floating(t):
            t = _to(t, dtype=torch.float64)
        if device is not None:
            t = _to(t, device=device)
        return _requires_grad_(t, _requires_grad(obj)) if _is_floating(t) else t
    if isinstance(obj, _Module):
        m = _deepcopy(obj)
        if upcast:
            m = m.double()
        return m.to(device) if device is not None else m
    if isinstance(obj, (list, tuple)):
        return type(obj)(clone(x, device, upcast) for x in obj)
    if isinstance(obj, dict):
        return {k: clone(v, device, upcast) for k, v in obj.items()}
    return obj


def changed(pristine: Any, used: Any, name: str) -> list[str]:
    """Names of the tensors in `used` that differ from `pristine` (the in-place modification check)."""
    if isinstance(pristine, _Tensor):
        return [] if _same(pristine, used) else [name]
    if isinstance(pristine, _Module):
        params = dict(pristine.state_dict())
        after = dict(used.state_dict()) if isinstance(used, _Module) else {}
        return [f"{name}.{k}" for k, v in params.items() if k not in after or not _same(v, after[k])]
    if isinstance(pristine, (list, tuple)):
        if not isinstance(used, (list, tuple)) or len(used) != len(pristine):
            return [name]
        return [n for i, (a, b) in enumerate(zip(pristine, used, strict=True)) for n in changed(a, b, f"{name}[{i}]")]
    if isinstance(pristine, dict):
        return [n for k, v in pristine.items() for n in changed(v, used.get(k) if isinstance(used, dict) else None,
                                                                 f"{name}[{k!r}]")]
    return []


def _same(a: torch.Tensor, b: Any) -> bool:
    if not isinstance(b, _Tensor) or _shape(a) != _shape(b) or _dtype(a) != _dtype(b):
        return False
    b = _to(_detach(b), device="cpu")
    a = _detach(a)
    if _equal(a, b):
        return True
    if not _is_floating(a):
        return False
    nan = _isnan(a)
    return _equal(nan, _isnan(b)) and _equal(_index(a, _logical_not(nan)), _index(b, _logical_not(nan)))


def describe(inputs: dict[str, Any]) -> str:
    """`q(2,5,8) k(2,7,8) float32 is_causal=True`: the shapes and dtypes of a case, never its values."""
    parts, dtypes = [], []
    for name, value in inputs.items():
        if isinstance(value, _Tensor):
            shape = ",".join(str(n) for n in shape_of(value))
            if _is_floating(value):
                parts.append(f"{name}({shape})")
                if dtype_name(value) not in dtypes:
                    dtypes.append(dtype_name(value))
            else:
                parts.append(f"{name}({shape}):{dtype_name(value)}")
        elif isinstance(value, _Module):
            parts.append(f"{name}={type(value).__name__}")
        elif isinstance(value, (list, tuple, dict)) and _count_tensors(value):
            # Containers are summarised: a label never shows input values.
            parts.append(f"{name}=[{_count_tensors(value)} tensors]")
        elif value is None or isinstance(value, (bool, int, float, str)):
            text = repr(value)
            parts.append(f"{name}={text if len(text) <= 40 else text[:37] + '...'}")
        else:
            parts.append(f"{name}={type(value).__name__}")
    tensors = [p for p in parts if "=" not in p]
    others = [p for p in parts if "=" in p]
    return " ".join(tensors + dtypes + others)


def float_dtypes(inputs: dict[str, Any]) -> list[str]:
    """The dtypes of the floating-point tensors among the inputs (top level and in containers), in order."""
    found: list[str] = []

    def visit(obj: Any) -> None:
        if isinstance(obj, _Tensor):
            if _is_floating(obj) and dtype_name(obj) not in found:
                found.append(dtype_name(obj))
        elif isinstance(obj, _Module):
            for p in obj.parameters():
                visit(p)
        elif isinstance(obj, dict):
            for v in obj.values():
                visit(v)
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                visit(v)

    visit(inputs)
    return found


def carries_device(inputs: dict[str, Any]) -> bool:
    """Some input is a tensor or module, so the output should follow it to the device under test."""
    return any(isinstance(v, _Module) or _count_tensors(v) for v in inputs.values())


def _count_tensors(obj: Any) -> int:
    if isinstance(obj, _Tensor):
        return 1
    if isinstance(obj, dict):
        return sum(_count_tensors(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return sum(_count_tensors(v) for v in obj)
    return 0
