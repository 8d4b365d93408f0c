"""Helpers for the tests that check reference solutions against independent oracles."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import Any

import torch

from quizzer.judge.grading import solution_path


def reference(task: str) -> ModuleType:
    """The task's reference solution as a module."""
    spec = importlib.util.spec_from_file_location(f"reference_{task}", solution_path(task))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def inputs(task: str) -> list[tuple[str, dict[str, Any]]]:
    """(case name, float64 inputs) for every case of the task."""
    cases = importlib.import_module(f"quizzer.judge.tasks.{task}.cases").CASES
    out = []
    for case in cases:
        a = case.make_inputs(task)
        out.append((case.name, {k: v.double() if torch.is_tensor(v) and v.is_floating_point() else v
                                for k, v in a.items()}))
    return out
