"""Which bank files a command reads: the folders and files it was given, and QUIZZER_BANKS."""

from __future__ import annotations

import os
from pathlib import Path


def bank_files(paths: list[Path]) -> list[Path]:
    """Every bank file named by `paths` (files as given, folders expanded), sources.yaml excluded."""
    return [given for given, _ in resolved_bank_files(paths)]


def resolved_bank_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """`bank_files`, each with its resolved path (resolving walks every folder of the path: done once)."""
    files: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for path in paths:
        found = sorted(p for p in path.glob("*.yaml") if p.name != "sources.yaml") if path.is_dir() else [path]
        # The same file named twice (a built-in bank passed explicitly) is read once. One resolve per file:
        # a set of the files kept so far, not a fresh list of them for every file (that was quadratic).
        for p in found:
            real = p.resolve()
            if real not in seen:
                seen.add(real)
                files.append((p, real))
    return files


def extra_bank_paths(cli_paths: list[Path] | None = None) -> list[Path]:
    """Banks named by `--bank` and by QUIZZER_BANKS (an os.pathsep-separated list)."""
    env = os.environ.get("QUIZZER_BANKS", "")
    from_env = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return list(cli_paths or []) + from_env
