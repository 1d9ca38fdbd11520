"""`searchidx index`: build or update the index from folders of articles, or watch them."""

import signal
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from searchidx.cli.app import IndexOption, JsonOption, TrustOption, app, fail, user_errors
from searchidx.cli.output import Line, console, counted, error_line, print_json, print_json_line, write_lines

if TYPE_CHECKING:
    from searchidx.api import FolderOptions, Index
    from searchidx.index.indexer import IndexSummary

DEFAULT_FOLDER = Path("corpus")
# Nothing could be indexed: every file was skipped.
EXIT_NOTHING_INDEXED = 1


@app.command("index")
def index_command(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FOLDER",
            help="Folders of articles (*.txt, *.html, *.jsonl, *.json, *.csv, *.tsv).",
            show_default="corpus",
        ),
    ] = None,
    index: IndexOption = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Build the index anew from these folders (needed after an analyzer upgrade)."),
    ] = False,
    watch: Annotated[bool, typer.Option("--watch", help="Keep indexing as files change, until Ctrl-C.")] = False,
    wait: Annotated[
        float | None,
        typer.Option("--wait", min=0, metavar="SECONDS", help="How long to wait for another writer.", show_default="5"),
    ] = None,
    max_size: Annotated[
        float | None,
        typer.Option("--max-size", min=0, metavar="MB", help="Skip files larger than this.", show_default="10"),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes reading and analysing files.", show_default="one per core"),
    ] = None,
    title_field: Annotated[
        str | None, typer.Option("--title-field", metavar="NAME", help="Records: the field of the title.")
    ] = None,
    date_field: Annotated[
        str | None, typer.Option("--date-field", metavar="NAME", help="Records: the field of the date.")
    ] = None,
    text_field: Annotated[
        str | None, typer.Option("--text-field", metavar="NAME", help="Records: the field of the text.")
    ] = None,
    url_field: Annotated[
        str | None, typer.Option("--url-field", metavar="NAME", help="Records: the field of the URL.")
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", metavar="NAME", help="Records: the field of the id.")
    ] = None,
    as_json: JsonOption = False,
    trust: TrustOption = False,
) -> None:
    """Index folders of articles: new files are added, changed ones re-read, deleted ones removed.

    Unchanged files (same size and modification time) are not read again.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from searchidx.api import Index
    from searchidx.index.lock import DEFAULT_WAIT_SECONDS
    from searchidx.paths import resolve_index_dir
    from searchidx.sources.records import FieldNames
    from searchidx.sources.text import DEFAULT_MAX_BYTES

    folders = folders or [DEFAULT_FOLDER]
    for folder in folders:
        if not folder.is_dir():
            raise fail(f"{folder} is not a folder")
    wait = DEFAULT_WAIT_SECONDS if wait is None else wait
    max_bytes = DEFAULT_MAX_BYTES if max_size is None else int(max_size * 1024 * 1024)
    fields = FieldNames(title=title_field, date=date_field, text=text_field, url=url_field, id=id_field)
    options: FolderOptions = dict(wait=wait, max_bytes=max_bytes, processes=jobs, fields=fields)
    with user_errors():
        index_dir = resolve_index_dir(index)
        # A rebuild never opens what is there: it may be damaged, and it is
        # replaced whole.
        if rebuild:
            opened = Index.for_rebuild(index_dir)
        else:
            opened = Index.open_or_create(index_dir, wait=wait, trust=trust or None)
        with opened:
            if watch:
                if rebuild:
                    opened.add_folders(folders, rebuild=True, **options)
                watch_and_report(opened, folders, as_json, options)
                return
            with Progress(
                TextColumn("[bold]indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console(sys.stderr),
                transient=True,
                disable=as_json or not sys.stderr.isatty(),
            ) as progress:
                task = progress.add_task("indexing", total=None)
                summary = opened.add_folders(
                    folders,
                    on_progress=lambda done, total: progress.update(task, completed=done, total=total),
                    rebuild=rebuild,
                    **options,
                )
            total = opened.document_count()
    if as_json:
        print_json(summary_json(summary, total, index_dir))
    else:
        print_summary(summary, total, index_dir)
    if summary.skipped and not summary.readable:
        error_line("no file could be indexed")
        raise typer.Exit(EXIT_NOTHING_INDEXED)


def summary_json(summary: "IndexSummary", total: int, index_dir: Path) -> dict:
    data = asdict(summary)
    data["renamed"] = [{"from": old, "to": new} for old, new in summary.renamed]
    warnings = len(summary.skipped) + len(summary.notes)
    return {**data, "warnings": warnings, "documents": total, "index": str(index_dir)}


def summary_lines(summary: "IndexSummary", total: int, index_dir: Path, time_of_day: str | None = None) -> list[Line]:
    rebuilt = "rebuilt: " if summary.rebuilt else ""
    when = [(f"{time_of_day} ", "dim")] if time_of_day else []
    lines = [
        Line(
            when
            + [
                (rebuilt, None),
                (str(summary.indexed), "bold green"),
                (
                    f" indexed ({summary.added} new, {summary.updated} changed, {len(summary.renamed)} renamed), "
                    f"{summary.unchanged} unchanged, {summary.removed} removed, ",
                    None,
                ),
                (str(len(summary.skipped)), "bold yellow"),
                (
                    f" skipped in {summary.seconds:.2f} s; the index at {index_dir} holds {counted(total, 'document')}.",
                    None,
                ),
            ]
        )
    ]
    lines += [Line([("renamed", "cyan"), (f" {old} → {new}", None)], indent=2) for old, new in summary.renamed]
    lines += [Line([("skipped", "yellow"), (f" {s.path}: {s.reason}", None)], indent=2) for s in summary.skipped]
    lines += [Line([("note", "yellow"), (f" {n.path}: {n.message}", None)], indent=2) for n in summary.notes]
    if summary.skipped or summary.notes:
        lines.append(Line([(counted(len(summary.skipped) + len(summary.notes), "warning"), "yellow")]))
    return lines


def print_summary(summary: "IndexSummary", total: int, index_dir: Path, time_of_day: str | None = None) -> None:
    write_lines(summary_lines(summary, total, index_dir, time_of_day))


def watch_and_report(opened: "Index", folders: list[Path], as_json: bool, options: "FolderOptions") -> None:
    """Runs watch mode, printing a line per update, until Ctrl-C (or SIGTERM)."""
    signal.signal(signal.SIGTERM, interrupt)
    announced = False

    def report(summary: "IndexSummary") -> None:
        nonlocal announced
        total = opened.document_count()
        if as_json:
            data = summary_json(summary, total, opened.path)
            data["time"] = time.strftime("%H:%M:%S")
            print_json_line(data)
        elif summary.indexed or summary.removed or summary.skipped or summary.notes or not announced:
            print_summary(summary, total, opened.path, time.strftime("%H:%M:%S"))
        if not announced and not as_json:
            write_lines([Line([(f"watching {', '.join(map(str, folders))} (Ctrl-C to stop)", None)])])
        announced = True
        sys.stdout.flush()

    try:
        opened.watch(folders, report, **options)
    except KeyboardInterrupt:
        if not as_json:
            write_lines([Line([("stopped watching; the index is up to date with the last change seen.", None)])])


def interrupt(signum, frame) -> None:
    """SIGTERM ends watch mode as Ctrl-C does: the current run is cancelled
    cleanly and the lock released."""
    raise KeyboardInterrupt
