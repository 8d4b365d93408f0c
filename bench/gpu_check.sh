#!/usr/bin/env bash
# Grade every task's reference solution and its first two known bugs with `--device cuda`, and print a table.
#
#   bench/gpu_check.sh [TASK...]        (PYTHON=path/to/python to choose the interpreter)
#   GPU_CHECK_DEVICE=cpu bench/gpu_check.sh attention    (the same table on the CPU: a dry run of the script)
#
# A reference must pass every core case on the GPU, and each bug must fail and be diagnosed as itself, exactly as
# on the CPU. Exit status: 0 all as expected, 1 something differs, 2 no CUDA device (nothing is graded). The CPU
# test suite never runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
DEVICE="${GPU_CHECK_DEVICE:-cuda}"

if [ "$DEVICE" = cpu ]; then
    why="a dry run on the CPU"
elif ! why=$("$PYTHON" - <<'PY' 2>&1
import sys, warnings
warnings.filterwarnings("ignore")
import torch
if not torch.cuda.is_available():
    build = "a CPU-only build" if torch.version.cuda is None else "no CUDA device is visible"
    print(f"torch {torch.__version__}: {build}")
    sys.exit(3)
print(f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}, CUDA {torch.version.cuda}")
PY
); then
    echo "gpu_check: CUDA is not available here ($why); nothing was graded. Run it on a machine with a GPU." >&2
    exit 2
fi
echo "gpu_check: $why"

PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" GPU_CHECK_DEVICE="$DEVICE" exec "$PYTHON" - "$@" <<'PY'
"""One child per task on the GPU: the reference, then two hinted known bugs patched into it."""
import importlib
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from quizzer.judge import catalog
from quizzer.judge.grading import grade_sources, ready, solution_path
from quizzer.judge.runner import Source

tasks = sys.argv[1:] or [t for t in catalog.tasks() if ready(t)]
print(f"{'task':22} {'reference':16} {'bug 1':34} {'bug 2':34} {'s':>5}")
bad = 0
for task in tasks:
    reference = solution_path(task).read_text(encoding="utf-8")
    bugs = [b for b in importlib.import_module(f"quizzer.judge.tasks.{task}.cases").BUGS if b.hint is not None][:2]
    sources = [Source("reference.py", f"/gpu-check/{task}/reference.py", reference)]
    sources += [Source(f"{b.id}.py", f"/gpu-check/{task}/{b.id}.py", b.apply(reference)) for b in bugs]
    began = time.perf_counter()
    verdicts = grade_sources(task, sources, device=os.environ["GPU_CHECK_DEVICE"])
    ref, cells = verdicts[0], []
    ok = ref.passed and all(c.passed for c in ref.cases)
    bad += not ok
    cells.append(f"{'PASS' if ok else 'FAIL'} {sum(c.passed for c in ref.cases)}/{len(ref.cases)}")
    for bug, v in zip(bugs, verdicts[1:]):
        named = v.diagnosis is not None and v.diagnosis.bug == bug.id
        caught = bool(v.failed) and named
        bad += not caught
        cells.append(f"{'ok' if caught else 'MISSED'} {bug.id[:24]}" + ("" if named else " (not named)"))
    cells += [""] * (3 - len(cells))
    print(f"{task:22} {cells[0]:16} {cells[1]:34} {cells[2]:34} {time.perf_counter() - began:5.1f}")
    for c in ref.failed:
        print(f"    {c.name}: {c.message}")
print(f"gpu_check: {'everything as expected' if not bad else f'{bad} unexpected results'}")
sys.exit(1 if bad else 0)
PY
