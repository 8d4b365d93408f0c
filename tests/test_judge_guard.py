"""The child's runtime guard, exercised in a throw-away interpreter (it rewires torch for good)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO

SCRIPT = textwrap.dedent('''
    import sys
    import warnings
    warnings.filterwarnings("ignore")
    import torch
    from quizzer.judge.child.guard import Forbidden, Guard

    def forbidden(fn):
        try:
            fn()
        except Forbidden as exc:
            return exc.name
        return None

    SDPA = "torch.nn.functional.scaled_dot_product_attention"
    q = torch.randn(2, 64, 8)
    kernel = torch._C._nn.scaled_dot_product_attention  # taken before install: only the dispatch watch sees it
    record = []
    guard = Guard([SDPA, "torch.nn.functional.softmax", "torch.optim", "json"], record)
    guard.install()
    print("unarmed", kernel(q, q, q).shape == q.shape, q.softmax(-1).shape == q.shape, torch.optim.SGD.__name__)
    with guard.armed():
        print("kernel", forbidden(lambda: kernel(q, q, q)))
        print("method", forbidden(lambda: q.softmax(-1)))
        print("op", forbidden(lambda: torch.ops.aten.scaled_dot_product_attention.default(q, q, q)))
        print("module", forbidden(lambda: torch.optim.SGD))
        print("import", forbidden(lambda: __import__("json").dumps([])))
        print("allowed", torch.exp(q).shape == q.shape)
        # inspect.getmodule reads every module's __file__, the forbidden torch.optim's proxy included: not a use.
        print("metadata", forbidden(lambda: [hasattr(m, "__file__") for m in list(sys.modules.values())]),
              torch.optim.__name__)
    print("record", record)
    with guard.armed(scores=64 * 64):
        tiles = [q[:, i:i + 16] @ q[:, j:j + 16].transpose(-2, -1) for i in range(0, 64, 16) for j in range(0, 64, 16)]
    print("tiles", guard.violation)
    with guard.armed(scores=64 * 64):
        full = q @ q.transpose(-2, -1)
    print("full", guard.violation)
''')


def test_guard_catches_every_route_only_while_armed() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    sdpa = "torch.nn.functional.scaled_dot_product_attention"
    assert result.stdout.splitlines() == [
        "unarmed True True SGD",
        f"kernel {sdpa}",
        "method torch.nn.functional.softmax",
        f"op {sdpa}",
        "module torch.optim",
        "import json",
        "allowed True",
        "metadata None torch.optim",
        f"record ['{sdpa}', 'torch.nn.functional.softmax', 'torch.optim', 'json']",
        "tiles None",
        "full Allocation(op='bmm', shape=[2, 64, 64])",
    ]
