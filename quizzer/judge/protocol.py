"""Framing and validation of the judge's parent/child messages (quizzer/judge/messages.py; stdlib only).

The parent sends one `RunSpec` on the child's stdin; the child answers with frames on a private pipe: a 4-byte
big-endian length and a JSON object `{"n": nonce, "v": VERSION, "type": name, "body": fields}`. Tensors travel
as base64 of packed machine values, so the parent reads them with `array` and never needs torch.

`decode` turns a frame into its message or raises `ProtocolError`; only that error means the channel carried
something our child would never send (a malformed frame, an unknown type, another version, an oversize frame).
"""

from __future__ import annotations

import base64
import json
import struct
import types
import typing
from array import array
from collections.abc import Callable, Iterator
from dataclasses import MISSING, fields, is_dataclass
from typing import Annotated, Any, Union

from quizzer.judge.messages import MESSAGES, VERSION, Message, RunSpec

MAX_FRAME = 256 * 1024 * 1024
_HEADER = struct.Struct(">I")
# The dtypes a tensor's values travel as: every float as float64, every integer as int64, bools as bytes.
PACK_CODES = {"f": "d", "i": "q", "b": "B"}
_MAX_DEPTH = 64


class ProtocolError(Exception):
    """The channel carried something the child's harness would never send."""


def pack(message: Message, nonce: str, dumps: Any = json.dumps) -> bytes:
    """One frame; `dumps` is passed in so the child can use a copy taken before user code ran."""
    frame = {"n": nonce, "v": VERSION, "type": type(message).__name__, "body": to_plain(message)}
    body = dumps(frame).encode("utf-8")
    return _HEADER.pack(len(body)) + body


def to_plain(obj: Any) -> Any:
    """A message (or the spec) as JSON-able data: dataclasses become dicts, field by field."""
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_plain(getattr(obj, name)) for name in _schema(type(obj))[1]}
    if isinstance(obj, list):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


def decode(frame: Any, nonce: str) -> Message:
    """The message a parsed frame carries, or ProtocolError."""
    if not isinstance(frame, dict) or frame.get("n") != nonce:
        raise ProtocolError("a frame without the run's nonce")
    if frame.get("v") != VERSION:
        raise ProtocolError(f"a frame of protocol version {frame.get('v')!r}, expected {VERSION}")
    if set(frame) != {"n", "v", "type", "body"}:
        raise ProtocolError(f"a frame with keys {sorted(frame)}")
    cls = MESSAGES.get(frame["type"])
    if cls is None:
        raise ProtocolError(f"a frame of unknown type {frame['type']!r}")
    return typing.cast(Message, build(cls, frame["body"]))


def decode_spec(text: bytes | str) -> RunSpec:
    """The child's side: the spec the parent wrote to stdin."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise ProtocolError("a run spec of another protocol version")
    return build(RunSpec, data.get("body"))


def encode_spec(spec: RunSpec) -> bytes:
    """The parent's side: the spec as the child reads it."""
    return json.dumps({"v": VERSION, "body": to_plain(spec)}).encode("utf-8")


T = typing.TypeVar("T")


def build(cls: type[T], data: Any) -> T:
    """An instance of dataclass `cls` from plain data, every field present and of its declared type."""
    if not isinstance(data, dict):
        raise ProtocolError(f"{cls.__name__}: expected an object")
    hints, names, optional = _schema(cls)
    required = set(names)
    if not set(data) <= required or not required - optional <= set(data):
        raise ProtocolError(f"{cls.__name__}: fields {sorted(data)}, expected {sorted(required)}")
    values = {}
    for name, value in data.items():
        values[name] = _value(value, hints[name], f"{cls.__name__}.{name}")
    return cls(**values)


def _value(value: Any, hint: Any, where: str) -> Any:
    """`value` checked against a type hint (nested dataclasses are built); ProtocolError when it does not fit."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        check_encoded(value, where)
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _value(value, inner, where)
    if is_dataclass(hint):
        return build(typing.cast(type[Any], hint), value)
    if origin is list and isinstance(value, list):
        return [_value(v, args[0], where) for v in value]
    if origin is dict and isinstance(value, dict):
        return {k: _value(v, args[1], where) for k, v in value.items() if isinstance(k, str)}
    if hint is Any or (hint is float and isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    if hint in (str, bool) and isinstance(value, hint):
        return value
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ProtocolError(f"{where}: unexpected {type(value).__name__}")


def check_encoded(enc: Any, where: str = "output", depth: int = 0) -> None:
    """ProtocolError unless `enc` is an output picture values.encode could have made."""
    def bad(why: str) -> ProtocolError:
        return ProtocolError(f"{where}: {why}")

    if depth > _MAX_DEPTH or not isinstance(enc, dict) or not isinstance(enc.get("k"), str):
        raise bad("not an encoded value")
    kind = enc["k"]
    if kind == "tensor":
        _keys(enc, {"type": str}, {"dtype": str, "shape": list, "device": str, "code": str, "data": str}, bad)
        if enc["type"] == "torch.Tensor" and not {"dtype", "shape", "device"} <= set(enc):
            raise bad("a tensor without dtype, shape or device")
        if not all(isinstance(n, int) and n >= 0 for n in enc.get("shape", [])):
            raise bad("a bad shape")
        if ("data" in enc) != ("code" in enc) or enc.get("code", "d") not in PACK_CODES.values():
            raise bad("tensor values without a valid code")
    elif kind == "seq":
        _keys(enc, {"type": str, "items": list}, {}, bad)
        for item in enc["items"]:
            check_encoded(item, where, depth + 1)
    elif kind == "dict":
        _keys(enc, {"items": list}, {}, bad)
        for pair in enc["items"]:
            if not isinstance(pair, list) or len(pair) != 2:
                raise bad("a dict item that is not a pair")
            check_encoded(pair[0], where, depth + 1)
            check_encoded(pair[1], where, depth + 1)
    elif kind in _SCALARS:
        _keys(enc, {"v": _SCALARS[kind]}, {}, bad)
        if kind in ("int", "float") and isinstance(enc["v"], bool):
            raise bad("a bool where a number belongs")
    elif kind == "none":
        _keys(enc, {}, {}, bad)
    elif kind == "object":
        _keys(enc, {"type": str}, {}, bad)
    else:
        raise bad(f"unknown kind {kind!r}")


_SCALARS: dict[str, type | tuple[type, ...]] = {"bool": bool, "int": int, "float": (int, float), "str": str}


def _keys(enc: dict[str, Any], required: dict[str, Any], optional: dict[str, Any],
          bad: Callable[[str], ProtocolError]) -> None:
    allowed = {"k", *required, *optional}
    if not set(enc) <= allowed or not set(required) <= set(enc):
        raise bad(f"keys {sorted(enc)} for kind {enc['k']!r}")
    for key, kind in (required | optional).items():
        if key in enc and not isinstance(enc[key], kind):
            raise bad(f"{key} of the wrong type")


_SCHEMAS: dict[type[Any], tuple[dict[str, Any], tuple[str, ...], frozenset[str]]] = {}


def _schema(cls: type[Any]) -> tuple[dict[str, Any], tuple[str, ...], frozenset[str]]:
    """A dataclass's field types, field names, and the fields with a default (which a frame may leave out)."""
    if cls not in _SCHEMAS:
        names = tuple(f.name for f in fields(cls))
        optional = frozenset(f.name for f in fields(cls)
                             if f.default is not MISSING or f.default_factory is not MISSING)
        _SCHEMAS[cls] = (typing.get_type_hints(cls, include_extras=True), names, optional)
    return _SCHEMAS[cls]


def encode_values(raw: bytes) -> str:
    """Packed values as text for a JSON frame."""
    return base64.b64encode(raw).decode("ascii")


def decode_values(text: str, code: str) -> array[Any]:
    """The values of one tensor, as an `array` of float64, int64 or uint8."""
    if code not in PACK_CODES.values():
        raise ProtocolError(f"unknown value code {code!r}")
    values = array(code)
    try:
        values.frombytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError) as exc:
        raise ProtocolError(f"bad tensor data: {exc}") from None
    return values


class FrameReader:
    """Splits the byte stream into frames and decodes each into its message."""

    def __init__(self, nonce: str) -> None:
        self.nonce = nonce
        self._buf = bytearray()

    def feed(self, data: bytes) -> Iterator[Message]:
        """The messages completed by `data`, one at a time: those before a bad frame are handled first."""
        self._buf += data
        while len(self._buf) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._buf)
            if size > MAX_FRAME:
                raise ProtocolError("oversized frame")
            if len(self._buf) < _HEADER.size + size:
                break
            body = bytes(self._buf[_HEADER.size:_HEADER.size + size])
            del self._buf[:_HEADER.size + size]
            try:
                frame = json.loads(body)
            except ValueError:
                raise ProtocolError("a frame that is not JSON") from None
            yield decode(frame, self.nonce)
