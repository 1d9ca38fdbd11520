"""`searchidx stats`: what the index holds, how big it is, and which versions built it."""

from __future__ import annotations

from dataclasses import asdict

from searchidx.api import Index
from searchidx.cli.app import IndexOption, JsonOption, app, console, print_json, user_errors
from searchidx.stats import IndexStats


@app.command("stats")
def stats_command(index: IndexOption = None, as_json: JsonOption = False) -> None:
    """Documents, date range, size on disk, segments, analyzer version, last update."""
    with user_errors(), Index.open(index, check_versions=False) as opened:
        stats = opened.stats()
    if as_json:
        print_json(asdict(stats))
    else:
        print_stats(stats)


def print_stats(stats: IndexStats) -> None:
    dates = f"{stats.first_date} – {stats.last_date}" if stats.first_date else "none"
    rows = [
        ("index", stats.path),
        ("documents", f"{stats.documents}" + (f" ({stats.deleted} deleted, awaiting a merge)" if stats.deleted else "")),
        ("dates", f"{dates}" + (f"; {stats.undated} undated" if stats.undated else "")),
        ("size on disk", f"{stats.size_bytes / 1e6:.1f} MB"),
        ("segments", f"{len(stats.segments)} ({', '.join(map(str, stats.segments))} documents)"),
        ("analyzer", f"{stats.analyzer_version} (schema {stats.schema_version})"),
        ("created", stats.created),
        ("last update", stats.updated),
    ]
    rows += [("folder", f"{folder} ({count} documents)") for folder, count in stats.folders.items()]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        console.print(f"[bold]{name:<{width}}[/]  {value}", soft_wrap=True)
    if stats.needs_rebuild:
        console.print(
            f"[bold yellow]needs a rebuild:[/] built with {stats.needs_rebuild}; "
            "run `searchidx index FOLDER --rebuild`",
            soft_wrap=True,
        )
