"""What the parent learns from a candidate's file without running it: task header, syntax, forbidden names."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from quizzer.judge.forbidden import aliases_of

HEADER = re.compile(r"^#\s*quizzer:\s*task\s*=\s*([A-Za-z0-9_.-]+)\s*$")


@dataclass(frozen=True)
class Use:
    """A forbidden API named in the source: the catalog's name, the spelling used, and where."""

    name: str
    used: str
    line: int

    def describe(self) -> str:
        """`line 12: F.rms_norm (torch.nn.functional.rms_norm)`."""
        alias = "" if self.used == self.name else f" ({self.name})"
        return f"line {self.line}: {self.used}{alias}"


def header_task(source: str) -> str | None:
    """The task id of a `# quizzer: task=ID` line among the first 20 lines."""
    for line in source.splitlines()[:20]:
        match = HEADER.match(line.strip())
        if match:
            return match.group(1)
    return None


def forbidden_uses(tree: ast.AST, forbidden: tuple[str, ...]) -> list[Use]:
    """Every forbidden name the module imports, reads, or reaches by getattr / import_module with a constant."""
    targets: dict[str, str] = {}
    for name in forbidden:  # an alias shared by two catalog names reports the first
        for alias in aliases_of(name):
            targets.setdefault(alias, name)
    scan = _Scan(targets)
    scan.visit(tree)
    seen: dict[str, Use] = {}
    for use in scan.uses:
        seen.setdefault(use.name, use)
    return sorted(seen.values(), key=lambda u: u.line)


class _Scan(ast.NodeVisitor):
    def __init__(self, targets: dict[str, str]) -> None:
        self.targets = targets
        self.names: dict[str, str] = {}  # local name -> dotted path, from imports
        self.star: list[str] = []
        self.uses: list[Use] = []

    def check(self, dotted: str | None, line: int, written: str | None = None) -> None:
        if not dotted:
            return
        for alias, name in self.targets.items():
            if dotted == alias or dotted.startswith(alias + "."):
                self.uses.append(Use(name, written or dotted, line))

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            self.check(a.name, node.lineno)
            if a.asname:
                self.names[a.asname] = a.name
            else:
                root = a.name.split(".")[0]
                self.names[root] = root

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            return
        for a in node.names:
            if a.name == "*":
                self.star.append(node.module)
                continue
            full = f"{node.module}.{a.name}"
            self.check(full, node.lineno)
            self.names[a.asname or a.name] = full

    def dotted(self, node: ast.AST) -> str | None:
        """The import path an expression like `F.softmax` or `torch.nn.functional` stands for."""
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.names[node.id]
            for module in self.star:
                if f"{module}.{node.id}" in self.targets:
                    return f"{module}.{node.id}"
            return node.id if node.id in self.targets else None
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.check(self.dotted(node), node.lineno, ast.unparse(node))
        # The inner chain is not visited: `torch.optim.AdamW` is one use, not two.
        inner = node.value
        while isinstance(inner, ast.Attribute):
            inner = inner.value
        if not isinstance(inner, ast.Name):
            self.visit(inner)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.check(self.dotted(node), node.lineno, node.id)

    def visit_Call(self, node: ast.Call) -> None:
        func = self.dotted(node.func) or (node.func.id if isinstance(node.func, ast.Name) else "")
        const = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if func == "getattr" and len(node.args) >= 2 and const:
            base = self.dotted(node.args[0])
            if base:
                self.check(f"{base}.{const[0]}", node.lineno, ast.unparse(node))
        elif func in ("__import__", "importlib.import_module") and const:
            self.check(const[0], node.lineno, ast.unparse(node))
        self.generic_visit(node)
