"""A head start for a one-shot `quizzer grade`: the judge's child imports torch while the CLI is still loading.

Loading the CLI takes about a quarter of a second and the child's `import torch` a second or more, one after the
other. A fresh child imports torch before it reads its spec, so it can be started first thing: `prestart()`
(called by quizzer.cli before anything else is imported) starts one for a command line that grades a file once,
and the runner `claim()`s it and writes the spec. Nothing else changes: the same command, environment, folder
and pipes as a child started by the runner. An unclaimed child (the file did not parse, the task was unknown)
is killed when the program exits. Stdlib only, and nothing imported unless the command line is a grade.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass

# Options after which the grade is not one fresh child: --watch uses the warm host, --help grades nothing.
_NOT_ONE_SHOT = {"--watch", "--help", "-h"}


@dataclass
class Early:
    """A child started ahead of its spec: the process, both ends of its result pipe, and its folder."""

    proc: subprocess.Popen[bytes]
    read_fd: int
    write_fd: int
    workdir: str


_EARLY: Early | None = None


def wanted(argv: list[str]) -> bool:
    """The command line grades one file once: `quizzer grade FILE ...` without --watch or --help."""
    return len(argv) > 2 and argv[1] == "grade" and not _NOT_ONE_SHOT & set(argv[2:])


def prestart(argv: list[str] | None = None) -> None:
    """Start a child for a one-shot grade now (POSIX only; a failure here only costs the head start)."""
    global _EARLY
    if _EARLY is not None or os.name != "posix" or not wanted(sys.argv if argv is None else argv):
        return
    from quizzer.judge.process import start_child

    workdir = tempfile.mkdtemp(prefix="quizzer-judge-")
    read_fd, write_fd = os.pipe()
    try:
        proc = start_child(write_fd, workdir)
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        shutil.rmtree(workdir, ignore_errors=True)
        return
    _EARLY = Early(proc, read_fd, write_fd, workdir)
    atexit.register(_discard)


def claim() -> Early | None:
    """The child started ahead, if any and still alive; the caller now owns it (and must close its fds)."""
    global _EARLY
    early, _EARLY = _EARLY, None
    if early is not None and early.proc.poll() is not None:
        _close(early)
        return None
    return early


def _discard() -> None:
    """At exit: the child nobody claimed is killed, its pipes closed and its folder removed."""
    global _EARLY
    early, _EARLY = _EARLY, None
    if early is not None:
        _close(early)


def _close(early: Early) -> None:
    from quizzer.judge.process import kill_group

    kill_group(early.proc)
    for fd in (early.read_fd, early.write_fd):
        with contextlib.suppress(OSError):
            os.close(fd)
    for stream in (early.proc.stdin, early.proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    shutil.rmtree(early.workdir, ignore_errors=True)
