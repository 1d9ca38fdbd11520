"""`searchidx index`: build or update the index from a folder of articles."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from searchidx.api import Index
from searchidx.cli.app import IndexOption, JsonOption, app, console, fail, print_json, user_errors
from searchidx.store import resolve_index_dir

DEFAULT_FOLDER = Path("corpus")


@app.command("index")
def index_command(
    folder: Annotated[Path, typer.Argument(help="Folder of article files (*.txt).")] = DEFAULT_FOLDER,
    index: IndexOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start the index over.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Index a folder of articles: new files are added, changed ones re-read, deleted ones removed."""
    if not folder.is_dir():
        raise fail(f"{folder} is not a folder")
    with user_errors():
        index_dir = resolve_index_dir(index)
        opened = Index.create(index_dir) if rebuild else Index.open_or_create(index_dir)
        with opened, Progress(
            TextColumn("[bold]indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=as_json,
        ) as progress:
            task = progress.add_task("indexing", total=None)
            summary = opened.add_folder(
                folder, on_progress=lambda done, total: progress.update(task, completed=done, total=total)
            )
            total = opened.document_count()
    if as_json:
        print_json({**asdict(summary), "documents": total, "index": str(index_dir)})
        return
    console.print(
        f"[bold green]{summary.indexed}[/] indexed ({summary.added} new, {summary.updated} changed), "
        f"{summary.unchanged} unchanged, {summary.removed} removed, "
        f"[bold yellow]{len(summary.skipped)}[/] skipped in {summary.seconds:.2f} s; "
        f"the index at {index_dir} holds {total} documents."
    )
    for skipped in summary.skipped:
        console.print(f"  [yellow]skipped[/] {skipped.path}: {skipped.reason}")
