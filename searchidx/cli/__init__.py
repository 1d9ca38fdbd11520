"""The `searchidx` command line: one module per command, all on one Typer app.

Importing this package registers every command (for `--help` and
completion) without importing what the commands run: see cli/app.py.
"""

import os

from searchidx.cli.app import app

# Command modules register themselves on `app` when imported; one line each.
from searchidx.cli import index  # noqa: E402,F401
from searchidx.cli import search  # noqa: E402,F401
from searchidx.cli import open  # noqa: E402,F401
from searchidx.cli import eval  # noqa: E402,F401
from searchidx.cli import tui  # noqa: E402,F401
from searchidx.cli import stats  # noqa: E402,F401
from searchidx.cli import optimize  # noqa: E402,F401
from searchidx.cli import entities  # noqa: E402,F401
from searchidx.cli import analyze  # noqa: E402,F401
from searchidx.cli import check  # noqa: E402,F401


def main() -> None:
    # numpy starts OpenBLAS's thread pool when imported; searchidx does no
    # linear algebra, and on a busy machine the pool's threads cost a
    # command's start-up more than they could ever save (docs/performance.md).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app()


__all__ = ["app", "main"]
