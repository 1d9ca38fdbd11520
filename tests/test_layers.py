"""The package's shape: layers that import downward only, no import cycle,
no module past 600 lines (pyproject.toml's [tool.importlinter] names the layers)."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp
import pytest
from importlinter import cli as import_linter

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 600


def test_each_layer_imports_only_the_layers_below_it(capsys):
    code = import_linter.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out


def import_cycles(graph) -> list[list[str]]:
    """The graph's strongly connected components of more than one module (Tarjan)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in order:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


@pytest.mark.parametrize("package", ["searchidx", "analyzers"])
def test_no_module_imports_itself_round_a_cycle(package):
    # Imports inside functions count too: a cycle broken only by importing
    # late is still two modules that cannot be read apart.
    assert import_cycles(grimp.build_graph(package, cache_dir=None)) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    package = tmp_path / "cyclic"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from cyclic import b\n")
    (package / "b.py").write_text("def f():\n    from cyclic import a\n")
    (package / "c.py").write_text("from cyclic import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_cycles(grimp.build_graph("cyclic", cache_dir=None)) == [["cyclic.a", "cyclic.b"]]


def test_no_module_is_longer_than_600_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for package in ("searchidx", "analyzers")
        for path in (ROOT / package).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
