"""The import graph follows the documented layers (README, "How it fits together").

A module may import from its own layer and the layers below it, never above; and
no set of modules imports itself round in a cycle at import time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "blamelint"

LAYERS: list[tuple[str, ...]] = [
    (
        "blamelint",
        "blamelint.errors",
        "blamelint.escapes",
        "blamelint.findings",
        "blamelint.fingerprint",
        "blamelint.data",
    ),
    ("blamelint.config",),
    ("blamelint.document",),
    ("blamelint.nlp",),
    ("blamelint.grammar",),
    ("blamelint.postmortem",),
    ("blamelint.rules",),
    ("blamelint.engine",),
    ("blamelint.reporters",),
    ("blamelint.audit",),
    ("blamelint.run",),
    (
        "blamelint.cli",
        "blamelint.command_options",
        "blamelint.audit.command",
        "blamelint.__main__",
        "blamelint.server",
    ),
]
"""Lowest first. A module belongs to the layer with the longest matching prefix."""


def layer_of(module: str) -> int:
    best, best_len = None, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS and the README diagram")
    return best


def module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, src: Path = SRC) -> list[tuple[str, int, bool]]:
    """(imported blamelint module, line, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, src)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                continue  # annotations only: never imported at run time
            if isinstance(child, ast.Import):
                found.extend(
                    (a.name, child.lineno, top) for a in child.names if a.name.startswith("blamelint")
                )
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                if base.startswith("blamelint"):
                    for alias in child.names:
                        candidate = f"{base}.{alias.name}"
                        found.append((candidate if _is_module(candidate, src) else base, child.lineno, top))
            visit(child, nested)

    visit(tree, True)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_module(name: str, src: Path = SRC) -> bool:
    rel = Path(*name.split("."))
    return (src / rel).with_suffix(".py").is_file() or (src / rel / "__init__.py").is_file()


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    for path in SOURCES:
        layer_of(module_name(path))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_no_upward_import(path):
    here = module_name(path)
    mine = layer_of(here)
    upward = [
        f"line {line}: {target} (layer {layer_of(target)} > {mine})"
        for target, line, _ in imports(path)
        if layer_of(target) > mine
    ]
    assert not upward, f"{here} (layer {mine}) imports upward:\n" + "\n".join(upward)


def test_no_import_cycle_at_module_level():
    graph = {module_name(p): {t for t, _, top in imports(p) if top and _is_module(t)} for p in SOURCES}
    # A package's __init__ runs before its submodules: importing a.b imports a.
    for name in list(graph):
        for target in list(graph[name]):
            parts = target.split(".")
            parents = (".".join(parts[:i]) for i in range(2, len(parts)))
            # (an enclosing package of the importer is already being initialised: no edge)
            graph[name].update(p for p in parents if p in graph and not (name + ".").startswith(p + "."))
        graph[name].discard(name)
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name)


def test_the_checker_reads_lazy_relative_and_guarded_imports(tmp_path):
    """The reader sees imports inside functions and relative imports, and skips
    TYPE_CHECKING blocks, so the layer test can fail."""
    package = tmp_path / "blamelint" / "document"
    package.mkdir(parents=True)
    (tmp_path / "blamelint" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "model.py").write_text("")
    probe = package / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import model\n"
        "if TYPE_CHECKING:\n    from blamelint.rules import base\n"
        "def f():\n    from blamelint.engine import Linter\n"
    )
    found = imports(probe, tmp_path)
    assert ("blamelint.document.model", 2, True) in found
    assert ("blamelint.engine", 6, False) in found
    assert not any(t.startswith("blamelint.rules") for t, _, _ in found)
    assert layer_of("blamelint.engine") > layer_of("blamelint.document.probe")
