"""The runtime side of forbidden-API detection, and the watch for full (L, S) score matrices.

While the candidate's code runs, every forbidden name is replaced by a stand-in that records the name and
raises `Forbidden`; a TorchDispatchMode catches the same kernels reached another way (`torch.rms_norm`,
`Tensor.softmax`, ...) and records any allocation as large as the score matrix a task must not build.
"""

from __future__ import annotations

import builtins
import functools
import importlib.abc
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves

from quizzer.judge.forbidden import OPS, aliases_of
from quizzer.judge.messages import Allocation


class Forbidden(BaseException):
    """Raised into the candidate's code by a forbidden API (a BaseException, so `except Exception` won't hide it)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is forbidden in this task")
        self.name = name


class Guard:
    """Stand-ins for the forbidden names, live only while `armed`."""

    def __init__(self, forbidden: list[str], record: list[str]) -> None:
        self.forbidden = forbidden
        self.record = record
        self.on = False
        self.violation: Allocation | None = None
        self.ops = {op: name for name in forbidden for op in OPS.get(name, ())}

    def hit(self, name: str) -> Forbidden:
        """Note a use of `name`; the exception to raise."""
        if name not in self.record:
            self.record.append(name)
        return Forbidden(name)

    def install(self) -> None:
        """Replace every forbidden name that can be resolved without importing anything new."""
        done: set[str] = set()
        for name in self.forbidden:
            for target in aliases_of(name):
                if target not in done:  # an alias shared by two catalog names reports the first
                    done.add(target)
                    self._replace(target, name)
        sys.meta_path.insert(0, _Finder(self))

    def _replace(self, target: str, reported: str) -> None:
        if "." not in target:
            if hasattr(builtins, target):
                setattr(builtins, target, _StandIn(getattr(builtins, target), self, reported))
            elif target in sys.modules:
                self._proxy_modules(target, reported)
            return
        if target in sys.modules:
            self._proxy_modules(target, reported)
            return
        owner_name, attr = target.rsplit(".", 1)
        owner = _resolve(owner_name)
        if owner is not None and hasattr(owner, attr) and callable(getattr(owner, attr)):
            setattr(owner, attr, _StandIn(getattr(owner, attr), self, reported))

    def _proxy_modules(self, name: str, reported: str) -> None:
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            proxy = _Proxy(sys.modules[key], self, reported)
            sys.modules[key] = proxy
            parent, _, attr = key.rpartition(".")
            if parent and _resolve(parent) is not None:
                setattr(_resolve(parent), attr, proxy)

    @contextmanager
    def armed(self, scores: int | None = None) -> Iterator[None]:
        """Stand-ins raise, and the kernel / allocation watch runs, inside this block."""
        self.on, self.violation = True, None
        mode = _Watch(self, scores) if self.ops or scores else None
        try:
            if mode is None:
                yield
            else:
                with mode:
                    yield
        finally:
            self.on = False


def _resolve(dotted: str) -> Any:
    """The object at a dotted path, using only modules that are already imported."""
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:i]))
        if module is not None:
            obj: Any = module
            for part in parts[i:]:
                obj = getattr(obj, part, None)
                if obj is None:
                    return None
            return obj
    return None


class _StandIn:
    """A forbidden callable: calling it (or reaching through it, as in `torch.ops.aten.x.default`) is a use."""

    def __init__(self, real: Any, guard: Guard, reported: str) -> None:
        self._real, self._guard, self._reported = real, guard, reported
        self.__name__ = getattr(real, "__name__", reported)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._guard.on:
            raise self._guard.hit(self._reported)
        return self._real(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        if self._guard.on:
            raise self._guard.hit(self._reported)
        return getattr(self._real, attr)

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        # Stands in for methods too (Tensor.softmax): bind like a function would.
        return self if obj is None else functools.partial(self, obj)


class _Proxy(types.ModuleType):
    """A forbidden module: every attribute is a use while armed, and a pass-through otherwise."""

    def __init__(self, real: types.ModuleType, guard: Guard, reported: str) -> None:
        super().__init__(real.__name__)
        object.__setattr__(self, "_real", real)
        object.__setattr__(self, "_guard", guard)
        object.__setattr__(self, "_reported", reported)

    def __getattr__(self, attr: str) -> Any:
        guard = object.__getattribute__(self, "_guard")
        # Module metadata (__file__, __spec__) is read by inspect.getmodule, which walks every module in
        # sys.modules (torch.library does, on a lazy first registration): reading it uses no API.
        if guard.on and not (attr.startswith("__") and attr.endswith("__")):
            raise guard.hit(object.__getattribute__(self, "_reported"))
        return getattr(object.__getattribute__(self, "_real"), attr)


class _Finder(importlib.abc.MetaPathFinder):
    """Importing a forbidden module that was not loaded yet (peft, torch.distributions, ...) is a use."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if self.guard.on:
            for name in self.guard.forbidden:
                if fullname == name or fullname.startswith(name + "."):
                    raise self.guard.hit(name)
        return None


class _Watch(TorchDispatchMode):
    """Sees every ATen call of the candidate's code: forbidden kernels, and allocations of >= `scores` elements."""

    @classmethod
    def _should_skip_dynamo(cls) -> bool:
        # The default wraps __torch_dispatch__ in a dynamo guard, which imports torch._dynamo (2 s) on
        # first use; nothing here is ever compiled.
        return False

    def __init__(self, guard: Guard, scores: int | None) -> None:
        super().__init__()
        self.guard = guard
        self.scores = scores

    def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        name = self.guard.ops.get(func.overloadpacket.__name__)
        if name is not None:
            raise self.guard.hit(name)
        out = func(*args, **(kwargs or {}))
        if self.scores and self.guard.violation is None:
            for t in tree_leaves(out):
                # Storage size, not numel: an expanded view of a small tensor allocates nothing.
                if isinstance(t, torch.Tensor) and t.untyped_storage().nbytes() >= self.scores * t.element_size():
                    self.guard.violation = Allocation(str(func.overloadpacket.__name__), [int(n) for n in t.shape])
                    break
        return out
