"""ruff's lint finds nothing in the project: CI runs the README's test
command, so the habit is enforced there, not left to each editor."""

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
