"""The warm judge host: imports torch once, then forks a fresh judge child for every grade (Linux only).

Started by quizzer/judge/host.py as `python -I -c HOST_BOOT <package root> <socket fd>` in the judge's
scrubbed environment. It never runs a torch operation (so no thread pool or CUDA context exists to be
copied into a fork), and never imports a task or a candidate's file: each forked child does that itself,
exactly as a fresh child would (quizzer/judge/child/main.py's `run`), under its own session, limits, working
folder and private result pipe, which the parent passes over the socket with each request.

Parent -> host: a 4-byte length with two descriptors attached (result pipe, output pipe), then a JSON body
`{"spec": <the RunSpec text>, "workdir": path}`. Host -> parent: length-prefixed JSON objects: `{"ready"}` once,
then `{"pid"}` and `{"pid", "exit": <wait status>}` for each request, or `{"fatal"}`.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import time
import traceback
from typing import Any, NoReturn

_HEADER = struct.Struct(">I")
_EXIT_HARNESS = 70  # the forked child got back here instead of exiting from `run`


def serve() -> None:
    """Import torch and the judge's child modules, then fork one child per request until the socket closes."""
    sock = socket.socket(fileno=int(sys.argv[2]))
    began = time.perf_counter()
    try:
        from quizzer.judge.child.main import preload

        preload()
        import torch

        _send(sock, {"ready": torch.__version__, "import_s": time.perf_counter() - began})
    except BaseException:
        _send(sock, {"fatal": traceback.format_exc(limit=-6)})
        return
    while (request := _receive(sock)) is not None:
        body, fds = request
        threads = _threads()
        if threads != 1:
            # A fork copies only the calling thread: a lock held by another one would stay locked in the child.
            _send(sock, {"fatal": f"the warm host has {threads} threads; it cannot fork safely"})
            return
        pid = os.fork()
        if pid == 0:
            _child(sock, body, fds)
        for fd in fds:
            os.close(fd)
        _send(sock, {"pid": pid})
        _, status = os.waitpid(pid, 0)
        _send(sock, {"pid": pid, "exit": status})


def _child(sock: socket.socket, body: dict[str, Any], fds: list[int]) -> NoReturn:
    """The forked child: its own session, stdio and folder, then the judge's run (which exits by itself)."""
    try:
        sock.close()
        os.setsid()
        result_fd, out_fd = fds
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        os.close(null)
        os.close(out_fd)
        workdir = body["workdir"]
        os.chdir(workdir)
        os.environ.update(HOME=workdir, TMPDIR=workdir)
        import tempfile

        tempfile.tempdir = None  # computed again from TMPDIR when first needed
        from quizzer.judge.child.main import run
        from quizzer.judge.protocol import decode_spec

        run(decode_spec(body["spec"]), result_fd)
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(_EXIT_HARNESS)


def _threads() -> int:
    """How many threads this process has (1 where that cannot be told, which is only relied on for Linux)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _send(sock: socket.socket, message: dict[str, Any]) -> None:
    data = json.dumps(message).encode("utf-8")
    sock.sendall(_HEADER.pack(len(data)) + data)


def _receive(sock: socket.socket) -> tuple[dict[str, Any], list[int]] | None:
    """The next request and its descriptors, or None once the parent has gone."""
    head, fds, _, _ = socket.recv_fds(sock, _HEADER.size, 2)
    if not head:
        return None
    while len(head) < _HEADER.size:
        more = sock.recv(_HEADER.size - len(head))
        if not more:
            return None
        head += more
    (size,) = _HEADER.unpack(head)
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(min(1 << 20, size - len(data)))
        if not chunk:
            return None
        data += chunk
    return json.loads(data), list(fds)
