"""What every judge child starts with, however it is started: the package root, setup time, environment."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent.parent
SETUP_TIMEOUT = 180.0  # importing torch from a cold disk can take a while
_PASS_ENV = ("PATH", "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "CUDA_HOME", "SYSTEMROOT")


def environment(workdir: str) -> dict[str, str]:
    """The child's whole environment: a few system variables, its own HOME and TMPDIR, one thread."""
    env = {k: os.environ[k] for k in _PASS_ENV if k in os.environ}
    # One thread: deterministic sums, and no fight over the cores with other grades.
    env.update(HOME=workdir, TMPDIR=workdir, LANG="C.UTF-8", PYTHONIOENCODING="utf-8", NO_COLOR="1",
               OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONHASHSEED="0")
    return env
