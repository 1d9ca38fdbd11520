"""The Typer application and what every command shares.

Errors a user can cause are printed as one line on stderr with a non-zero
exit, never as a traceback (see user_errors).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console

from searchidx.errors import SearchidxError
from searchidx.store import INDEX_ENV_VAR

app = typer.Typer(
    name="searchidx",
    help="Full-text search for Albanian text: index a folder of articles, then search it.",
    # No command: the full-screen app in a terminal, else help (searchidx/cli/tui.py).
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,
)

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)

EXIT_USER_ERROR = 1

IndexOption = Annotated[
    Optional[Path],
    typer.Option(
        "--index",
        envvar=INDEX_ENV_VAR,
        help=f"Index folder [default: ./.searchidx, or ${INDEX_ENV_VAR}]",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def fail(message: str) -> typer.Exit:
    """Prints an error line on stderr and returns the exit to raise."""
    error_console.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(EXIT_USER_ERROR)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turns SearchidxError into a one-line message and exit code 1."""
    try:
        yield
    except SearchidxError as error:
        raise fail(str(error)) from None


def print_json(data) -> None:
    """Writes one JSON document to stdout, Albanian letters unescaped."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
