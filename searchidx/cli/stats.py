"""`searchidx stats`: what the index holds, how big it is, and which versions built it."""

from dataclasses import asdict
from typing import TYPE_CHECKING

from searchidx.cli.app import IndexOption, JsonOption, TrustOption, app, user_errors
from searchidx.cli.output import Line, print_json, write_lines

if TYPE_CHECKING:
    from searchidx.index.stats import IndexStats


@app.command("stats")
def stats_command(index: IndexOption = None, as_json: JsonOption = False, trust: TrustOption = False) -> None:
    """Documents, date range, size on disk, segments, analyzer version, last update."""
    from searchidx.api import Index

    with user_errors(), Index.open(index, check_versions=False, trust=trust or None) as opened:
        stats = opened.stats()
    if as_json:
        print_json(asdict(stats))
    else:
        write_lines(stats_lines(stats))


def stats_lines(stats: "IndexStats") -> list[Line]:
    dates = f"{stats.first_date} – {stats.last_date}" if stats.first_date else "none"
    rows = [
        ("index", stats.path),
        (
            "documents",
            f"{stats.documents}" + (f" ({stats.deleted} deleted, awaiting a merge)" if stats.deleted else ""),
        ),
        ("dates", f"{dates}" + (f"; {stats.undated} undated" if stats.undated else "")),
        ("size on disk", f"{stats.size_bytes / 1e6:.1f} MB"),
        ("segments", f"{len(stats.segments)} ({', '.join(map(str, stats.segments))} documents)"),
        ("analyzer", f"{stats.analyzer_version} (schema {stats.schema_version})"),
        ("entity extraction", extraction_text(stats.program_entity_extraction)),
        ("created", stats.created),
        ("last update", stats.updated),
    ]
    rows += [("folder", f"{folder} ({count} documents)") for folder, count in stats.folders.items()]
    rows += [
        (
            "signature",
            f"{s['name']} ({s['type']}) in {s['articles']} of {s['folder_articles']} articles of {s['folder']}",
        )
        for s in stats.signatures
    ]
    width = max(len(name) for name, _ in rows)
    lines = [Line([(f"{name:<{width}}", "bold"), (f"  {value}", None)]) for name, value in rows]
    if stats.needs_rebuild:
        lines.append(
            Line(
                [
                    ("needs a rebuild:", "bold yellow"),
                    (f" built with {stats.needs_rebuild}; run `searchidx index FOLDER --rebuild`", None),
                ]
            )
        )
    return lines


def extraction_text(build: dict) -> str:
    """This program's build of the entity extractor, as ExtractionBuild.describe says it."""
    from analyzers.entities import ExtractionBuild

    return ExtractionBuild(**build).describe()
