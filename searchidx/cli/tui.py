"""`searchidx tui`, and `searchidx` alone in a terminal: the full-screen app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from searchidx.cli.app import IndexOption, app


@app.command("tui")
def tui_command(
    index: IndexOption = None,
    folder: Annotated[
        Optional[Path],
        typer.Option("--folder", help="Folder to offer for building an index when there is none [default: corpus].", show_default=False),
    ] = None,
    query: Annotated[str, typer.Option("--query", "-q", help="Start with this query.")] = "",
) -> None:
    """Search and read the archive in a full-screen terminal app."""
    run_app(index, folder, query)


def run_app(index: Path | None = None, folder: Path | None = None, query: str = "") -> None:
    # Imported here: Textual takes a while to import and other commands never need it.
    from searchidx.tui import SearchidxApp

    SearchidxApp(index_dir=index, folder=folder, query=query).run()


@app.callback(invoke_without_command=True)
def no_command(context: typer.Context) -> None:
    """Full-text search for Albanian text: index a folder of articles, then search it.

    With no command in a terminal, opens the full-screen app (`searchidx tui`).
    """
    if context.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        run_app()
    else:
        typer.echo(context.get_help())
