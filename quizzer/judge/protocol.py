"""Frames on the private result channel between the judge's child and its parent (stdlib only).

A frame is a 4-byte big-endian length and a JSON object carrying the run's nonce. Tensors travel as
base64 of packed machine values, so the parent can read them with `array` and never needs torch.
"""

from __future__ import annotations

import base64
import json
import struct
from array import array
from typing import Any

MAX_FRAME = 256 * 1024 * 1024
_HEADER = struct.Struct(">I")
# The dtypes a tensor's values travel as: every float as float64, every integer as int64, bools as bytes.
PACK_CODES = {"f": "d", "i": "q", "b": "B"}


class ProtocolError(Exception):
    """The channel carried something the child's harness would never send."""


def pack(obj: dict[str, Any], nonce: str, dumps: Any = json.dumps) -> bytes:
    """One frame; `dumps` is passed in so the child can use a copy taken before user code ran."""
    body = dumps(dict(obj, n=nonce)).encode("utf-8")
    return _HEADER.pack(len(body)) + body


def encode_values(raw: bytes) -> str:
    """Packed values as text for a JSON frame."""
    return base64.b64encode(raw).decode("ascii")


def decode_values(text: str, code: str) -> array:
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
    """Splits the byte stream into frames and rejects any frame without the run's nonce."""

    def __init__(self, nonce: str) -> None:
        self.nonce = nonce
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[dict[str, Any]]:
        """The frames completed by `data`."""
        self._buf += data
        frames = []
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
            if not isinstance(frame, dict) or frame.get("n") != self.nonce or not isinstance(frame.get("t"), str):
                raise ProtocolError("a frame without the run's nonce")
            frames.append(frame)
        return frames

    @property
    def pending(self) -> bool:
        """Bytes of an unfinished frame are left over."""
        return bool(self._buf)
