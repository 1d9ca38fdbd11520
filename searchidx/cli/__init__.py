"""The `searchidx` command line: one module per command, all on one Typer app.

Importing this package registers every command (for `--help` and
completion) without importing what the commands run: see cli/app.py.
"""

import os

# Command modules register themselves on `app` when imported; one line each.
from searchidx.cli import (
    analyze,  # noqa: E402,F401
    check,  # noqa: E402,F401
    entities,  # noqa: E402,F401
    eval,  # noqa: E402,F401
    index,  # noqa: E402,F401
    open,  # noqa: E402,F401
    optimize,  # noqa: E402,F401
    search,  # noqa: E402,F401
    stats,  # noqa: E402,F401
    tui,  # noqa: E402,F401
)
from searchidx.cli.app import app


def main() -> None:
    # numpy starts OpenBLAS's thread pool when imported; searchidx does no
    # linear algebra, and on a busy machine the pool's threads cost a
    # command's start-up more than they could ever save (docs/performance.md).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app()


__all__ = ["app", "main"]
