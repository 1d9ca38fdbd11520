"""ruff's lint finds nothing in the project and its formatter would change
nothing: CI runs the README's test command, so the habits are enforced there,
not left to each editor."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def ruff(*arguments: str) -> subprocess.CompletedProcess:
    # The ruff the test extra pins (pyproject.toml), its settings from pyproject.toml.
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, "--no-cache", str(REPO)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_ruff_check_finds_nothing():
    done = ruff("check", "--output-format", "concise")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_changes_nothing():
    done = ruff("format", "--check")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_test_module_imports_another():
    """Shared helpers live in conftest.py (or a helper module), so a test file
    runs alone and collects no other file's tests."""
    import ast

    offenders = []
    for path in sorted((REPO / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0].startswith("test_")]
    assert not offenders
