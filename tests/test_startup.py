"""Start-up stays light: `quizzer --help` and browsing never import torch or sympy."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["validate", "--help"], ["llm", "status", "--help"],
                                  ["export", "anki", "--help"], ["optimize", "--help"], ["stats", "--help"]])
def test_help_imports_neither_torch_nor_sympy_nor_openai(args: list[str]) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['quizzer', *{args!r}]\n"
        "try:\n    runpy.run_module('quizzer', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'sympy', 'numpy', 'openai', 'genanki', 'matplotlib', 'pandas')\n"
        "               if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Usage:" in out.stdout
    assert out.stdout.strip().endswith("HEAVY=")
