"""`searchidx check`: read the whole index and name any damage."""

from dataclasses import asdict

import typer

from searchidx.cli.app import EXIT_FAILURE, IndexOption, JsonOption, TrustOption, app, user_errors
from searchidx.cli.output import Line, counted, error_line, print_json, write_lines


@app.command("check")
def check_command(index: IndexOption = None, as_json: JsonOption = False, trust: TrustOption = False) -> None:
    """Read every segment, column and stored field, and every file's checksum; name what is damaged."""
    from searchidx.errors import IndexDamaged
    from searchidx.index.check import check_index
    from searchidx.index.store import summarise
    from searchidx.paths import resolve_index_dir

    path = resolve_index_dir(index)
    with user_errors():
        report = check_index(path, trust=trust or None)
    if as_json:
        print_json({**asdict(report), "sound": report.sound})
    else:
        summary = (
            f"read {counted(report.segments, 'segment')}, {counted(report.documents, 'document')}, "
            f"{counted(report.postings, 'posting')}, {counted(report.files, 'file')} checked against their checksums"
        )
        lines = [Line([(summary, None)])]
        lines += [Line([("damaged", "red"), (f" {problem}", None)], indent=2) for problem in report.damage]
        lines += [
            Line([("cache", "yellow"), (f" {problem} (rebuilt by the next searchidx index)", None)], indent=2)
            for problem in report.caches
        ]
        if report.sound:
            lines.append(Line([("the index is sound", "green")]))
        write_lines(lines)
    if not report.sound:
        error_line(str(IndexDamaged(path, summarise(report.damage + report.caches))))
        raise typer.Exit(EXIT_FAILURE)
