"""The typed parent/child protocol: every message survives a frame, and only real violations are tampering."""

from __future__ import annotations

import json
import struct
from typing import Any

import pytest

from quizzer.judge import messages as M
from quizzer.judge import protocol as P
from quizzer.judge.runner import ChildRun, FileRun, _Loop

TENSOR = {"k": "tensor", "type": "torch.Tensor", "dtype": "float32", "shape": [2], "device": "cpu", "code": "d",
          "data": P.encode_values(struct.pack("<2d", 1.0, 2.0))}
MESSAGES: list[M.Message] = [
    M.Hello("2.13.0", 1.5),
    M.NoDevice("no GPU"),
    M.CaseInfo("c", "x(2) float32", True, None, 1e-3, M.HintText(None, "why", "fix"), [4, 4], TENSOR,
               {"bug": {"k": "seq", "type": "tuple", "items": [TENSOR, {"k": "none"}]}}, False, "angles in float32",
               ["example"], "values", True,
               M.OutputName("result", "values", ["False", "True"], [M.OutputName("kept", "mask", ["no", "yes"], [])]),
               ["float32"]),
    M.Ready(0.25, {"bug": M.HintText("matches the bug", None, None)}),
    M.Fatal("Traceback ..."),
    M.FileStarted(0),
    M.ImportFailed(0, M.UserError("SyntaxError", ["line 1"], "SyntaxError"), ["json"]),
    M.CaseStarted(0, "c"),
    M.Result(0, "c", [], ["x"], M.Allocation("bmm", [1, 4, 4]), {"k": "dict", "items": [[{"k": "str", "v": "a"},
                                                                                          {"k": "float", "v": 1}]]},
             None),
    M.Result(0, "c", [], [], None, None, M.UserError("ValueError: no", [])),
    M.FileDone(0, 0.125),
    M.Done(),
]


def frame(body: dict[str, Any]) -> bytes:
    data = json.dumps(body).encode()
    return struct.pack(">I", len(data)) + data


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: type(m).__name__)
def test_every_message_round_trips_through_a_frame(message: M.Message) -> None:
    data = P.pack(message, "secret")
    reader = P.FrameReader("secret")
    assert list(reader.feed(data[:3])) == []  # a frame may arrive in pieces
    assert list(reader.feed(data[3:])) == [message]


def test_the_spec_round_trips() -> None:
    spec = M.RunSpec("n", "rope", "/s.py", ["torch.optim"], ["apply_rope"], "cpu", 2**30, [M.FileSpec("/a.py", "x")],
                     "marker")
    assert P.decode_spec(P.encode_spec(spec)) == spec
    with pytest.raises(P.ProtocolError):
        P.decode_spec(json.dumps({"v": M.VERSION + 1, "body": P.to_plain(spec)}))


GOOD = {"n": "secret", "v": M.VERSION, "type": "FileDone", "body": {"i": 0, "user_s": 0.5}}


@pytest.mark.parametrize(("data", "why"), [
    (frame(GOOD | {"n": "guess"}), "nonce"),
    (frame(GOOD | {"v": 1}), "protocol version 1"),
    (frame(GOOD | {"type": "Shell"}), "unknown type"),
    (frame(GOOD | {"extra": 1}), "keys"),
    (frame(GOOD | {"body": {"i": 0}}), "fields"),
    (frame(GOOD | {"body": {"i": 0, "user_s": 0.5, "pid": 1}}), "fields"),
    (frame(GOOD | {"body": {"i": "0", "user_s": 0.5}}), "FileDone.i"),
    (frame(GOOD | {"body": {"i": True, "user_s": 0.5}}), "FileDone.i"),
    (frame({"n": "secret", "v": M.VERSION, "type": "Result", "body": P.to_plain(MESSAGES[8]) | {"output": {"k": "tensor"}}}),
     "Result.output"),
    (frame({"n": "secret", "v": M.VERSION, "type": "Result", "body": P.to_plain(MESSAGES[8]) | {"output": {"k": "eval"}}}),
     "unknown kind"),
    (struct.pack(">I", 4) + b"junk", "not JSON"),
    (struct.pack(">I", 2**31), "oversized"),
])
def test_protocol_violations_are_rejected(data: bytes, why: str) -> None:
    with pytest.raises(P.ProtocolError, match=why):
        list(P.FrameReader("secret").feed(data))


def loop() -> _Loop:
    """A parent loop that has reached the first file, without a child process."""
    lp = _Loop(None, -1, -1, P.FrameReader("secret"), ChildRun(files=[FileRun()]), 10.0)  # type: ignore[arg-type]
    lp._stop = lambda message: lp._blame(message)  # type: ignore[method-assign]
    for m in (M.Ready(0.0, {}), M.FileStarted(0)):
        assert lp._frames(P.pack(m, "secret"))
    return lp


def test_out_of_order_messages_are_tampering() -> None:
    lp = loop()
    assert not lp._frames(P.pack(M.Result(0, "c", [], [], None, None, None), "secret"))  # no case is running
    assert lp.report.files[0].problem == "the judge's private result channel received data the judge did not send"


def test_a_bug_of_ours_in_the_parent_is_not_called_tampering(monkeypatch: pytest.MonkeyPatch) -> None:
    lp = loop()

    def broken(message: M.Message) -> None:
        raise KeyError("a field we forgot")

    monkeypatch.setattr(lp, "_handle", broken)
    with pytest.raises(KeyError):
        lp._frames(P.pack(M.CaseStarted(0, "c"), "secret"))
    assert lp.report.files[0].problem is None
