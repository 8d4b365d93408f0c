"""The typed messages of the judge's parent/child protocol, and the protocol's version (stdlib only).

The parent sends one `RunSpec`; the child answers with the messages below, in the order they are listed.
Framing and validation are in quizzer/judge/protocol.py.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any

# Raised when a message changes shape; a frame of another version is a protocol violation.
VERSION = 2
# An output as values.encode pictures it: {"k": "tensor" | "seq" | "dict" | ..., ...}, checked by check_encoded.
Encoded = Annotated[dict[str, Any], "encoded"]


# Parent -> child (stdin).

@dataclass(frozen=True)
class FileSpec:
    """One candidate file: its path (for tracebacks) and the text the parent scanned."""

    path: str
    source: str


@dataclass(frozen=True)
class RunSpec:
    """What the child is to do: the task, its reference, the limits, and the files to judge."""

    nonce: str
    task: str
    solution: str
    forbidden: list[str]
    functions: list[str]
    device: str
    memory: int
    files: list[FileSpec]
    marker: str  # written to stdout around each case, so the parent can tell which case printed what


# Child -> parent (the private pipe), in the order they are sent.

@dataclass(frozen=True)
class Hello:
    """torch is imported."""

    torch: str
    import_s: float


@dataclass(frozen=True)
class NoDevice:
    """The device asked for is not there; nothing was run."""

    why: str


@dataclass(frozen=True)
class HintText:
    """A hint's ladder: the name of what the output matches, the explanation, the fix (each may be missing)."""

    name: str | None
    why: str | None
    fix: str | None


@dataclass(frozen=True)
class OutputName:
    """How an output is named and compared: its name, kind (values, mask, set, zeros), a mask's labels, items."""

    name: str
    kind: str
    labels: list[str]
    items: list[OutputName]


@dataclass(frozen=True)
class CaseInfo:
    """One case prepared before any candidate code ran: its label, tolerance, expected and known-bug outputs."""

    name: str
    label: str
    hidden: bool
    rtol: float | None
    atol: float | None
    hint: HintText | None
    scores: list[int] | None  # (L, S) of a case that must not build the full score matrix
    expected: Encoded
    bugs: dict[str, Encoded]
    strict: bool  # float64 values compared at float64 accuracy (the starter demands float64 arithmetic)
    note: str | None  # the likely cause when float64 values pass at float32 precision only
    hint_after: list[str] | None  # cases that must pass for the hint to apply (None: the visible ones)
    hint_on: str  # the failure the hint is about: values, nonfinite, error or any
    extra: bool  # beyond a standard answer: counted apart, never fails the file
    outputs: OutputName | None
    dtypes: list[str]  # the dtypes of the case's floating-point input tensors


@dataclass(frozen=True)
class Ready:
    """Every case is prepared; the known bugs' hints by id."""

    setup_s: float
    hints: dict[str, HintText]


@dataclass(frozen=True)
class Fatal:
    """The harness itself failed (before `Ready`: the task; after: something the candidate's code left behind)."""

    message: str


@dataclass(frozen=True)
class FileStarted:
    """The child moves on to file `i` of the spec."""

    i: int


@dataclass(frozen=True)
class UserError:
    """An exception from the candidate's code, its traceback trimmed to their file."""

    message: str
    trace: list[str]
    type: str | None = None


@dataclass(frozen=True)
class ImportFailed:
    """File `i` could not be imported, or lacks a name the tests call."""

    i: int
    error: UserError
    forbidden: list[str]


@dataclass(frozen=True)
class CaseStarted:
    """Case `case` of file `i` is running (so a timeout or crash can name it)."""

    i: int
    case: str


@dataclass(frozen=True)
class Allocation:
    """A tensor as large as the full score matrix, and the ATen op that made it."""

    op: str
    shape: list[int]


@dataclass(frozen=True)
class Result:
    """What case `case` of file `i` returned or raised, and what it did besides."""

    i: int
    case: str
    forbidden: list[str]
    mutated: list[str]
    scores: Allocation | None
    output: Encoded | None
    error: UserError | None


@dataclass(frozen=True)
class FileDone:
    """File `i` is finished; seconds spent in the candidate's code."""

    i: int
    user_s: float


@dataclass(frozen=True)
class Done:
    """Every file is finished."""


Message = (Hello | NoDevice | CaseInfo | Ready | Fatal | FileStarted | ImportFailed | CaseStarted | Result | FileDone
           | Done)
MESSAGES: dict[str, type[Any]] = {cls.__name__: cls for cls in typing.get_args(Message)}
