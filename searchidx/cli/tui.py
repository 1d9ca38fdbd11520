"""`searchidx tui`, and `searchidx` alone in a terminal: the full-screen app."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from searchidx.cli.app import IndexOption, app, fail


@app.command("tui")
def tui_command(
    index: IndexOption = None,
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder",
            metavar="PATH",
            help="Folder to offer for building an index when there is none.",
            show_default="corpus",
        ),
    ] = None,
    query: Annotated[str, typer.Option("--query", "-q", help="Start with this query.", show_default=False)] = "",
) -> None:
    """Search and read the archive in a full-screen terminal app."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Piped or scripted, the app would draw escape codes into a file and
        # wait for keys that never come.
        raise fail("the full-screen app needs a terminal; in scripts use `searchidx search` (--json, --batch)")
    # Imported here: Textual takes a while to import and other commands never need it.
    from searchidx.tui import run_app

    run_app(index, folder, query)
