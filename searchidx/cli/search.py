"""`searchidx search`: ranked results for a query, as text or data, one or a batch."""

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from searchidx.cli.app import (
    EXIT_FAILURE,
    EXIT_NOTHING_FOUND,
    FilterOption,
    IndexOption,
    PlainOption,
    QueryArgument,
    RecencyOption,
    SortOption,
    TrustOption,
    app,
    fail,
    usage_error,
    user_errors,
)
from searchidx.cli.output import error_line, is_terminal, print_json, print_json_line, write_lines

if TYPE_CHECKING:
    from searchidx.api import SearchOptions
    from searchidx.results.search import SearchResults

Format = Literal["text", "json", "jsonl", "csv", "tsv"]

EXIT_STATUS = (
    "Exit status: 0 when something was found, 1 when nothing was (or on a failure, such as a missing index), "
    "2 for a usage error or a broken query."
)


@app.command("search", epilog=EXIT_STATUS)
def search_command(
    query: QueryArgument = None,
    index: IndexOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Results per page.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Page of results.")] = 1,
    filters: FilterOption = None,
    facets: Annotated[bool, typer.Option("--facets", help="Also show dates and names over all matches.")] = False,
    sort: SortOption = "relevance",
    recency: RecencyOption = 0.0,
    plain: PlainOption = False,
    output_format: Annotated[
        Format | None,
        typer.Option("--format", help="Output: text, or data for programs.", show_default="text; json with --batch"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    batch: Annotated[
        str | None,
        typer.Option("--batch", metavar="FILE", help="Run one query per line of FILE ('-': stdin) on one open index."),
    ] = None,
    open_rank: Annotated[
        int | None,
        typer.Option(
            "--open",
            min=1,
            metavar="N",
            help="Open the Nth hit in $PAGER instead of listing the results; with --page, N counts from the page's "
            "first hit (or give the number the list shows).",
        ),
    ] = None,
    editor: Annotated[bool, typer.Option("--editor", help="With --open: open it in $EDITOR instead.")] = False,
    trust: TrustOption = False,
) -> None:
    """Search the index; words match in any form (Kina, Kinës, Kines) and with or without ë/ç."""
    if as_json:
        if output_format not in (None, "json"):
            raise usage_error(f"--json is --format json; it cannot go with --format {output_format}")
        output_format = "json"
    if batch is not None and query is not None:
        raise usage_error("give either a QUERY or --batch FILE, not both")
    if batch is not None and open_rank is not None:
        raise usage_error("--open opens one hit of one search; it cannot go with --batch")
    if editor and open_rank is None:
        raise usage_error("--editor goes with --open N")
    options: SearchOptions = dict(
        filters=filters or [], facets=facets, page=page, limit=limit, sort=sort, syntax=not plain, recency=recency
    )
    if batch is not None:
        run_batch(batch, index, options, output_format or "json", trust=trust or None)
        return
    if query is None and not filters:
        raise usage_error("give a QUERY (or --filter to browse, or --batch FILE)")
    if open_rank is not None:
        from searchidx.cli.open import open_hit

        open_hit(index, query or "", options, rank_to_open(open_rank, page, limit), editor, trust=trust or None)
        return
    from searchidx.api import Index

    with user_errors(), Index.open(index, trust=trust or None) as opened:
        results = opened.search(query or "", **options)
        nothing = None
        if not results.total and (output_format or "text") == "text" and (results.filters or results.query_filters):
            from searchidx.results.nothing_found import explain_nothing

            nothing = explain_nothing(opened, query or "", filters or [], syntax=not plain)
    write_results(results, output_format or "text", nothing)
    if not results.total:
        raise typer.Exit(EXIT_NOTHING_FOUND)


def rank_to_open(number: int, page: int, limit: int) -> int:
    """The rank of the hit `--open number` means on page `page`: the page
    lists ranks first.. (11-20 on page 2 of 10), so a number below the
    page's first counts from it (`--page 2 --open 1` is hit 11) and one the
    list shows is that hit."""
    first = (page - 1) * limit + 1
    if number >= first:
        return number
    if number > limit:
        raise usage_error(
            f"--open {number}: page {page} lists hits {first}-{first + limit - 1} (or 1-{limit} on the page)"
        )
    return first + number - 1


def write_results(results: "SearchResults", output_format: str, nothing=None) -> None:
    from searchidx.cli import formats

    if output_format == "json":
        print_json(formats.results_json(results))
    elif output_format == "jsonl":
        formats.write_json_lines(formats.hit_records(results))
    elif output_format in ("csv", "tsv"):
        formats.TableWriter(tsv=output_format == "tsv", with_query=False).write(results)
    else:
        from searchidx.cli.render import results_lines

        width = shutil.get_terminal_size().columns if is_terminal(sys.stdout) else None
        write_lines(results_lines(results, nothing, width))


def run_batch(source: str, index, options: "SearchOptions", output_format: str, trust: bool | None = None) -> None:
    """One search per input line on one open index; a bad query is reported
    (an {"error"} line in JSON, a line on stderr) and the rest still run.
    Whatever fails on a line (a broken query, a damaged index, a bug) is
    that line's error: before, anything but a SearchidxError ended the batch."""
    from searchidx.api import Index
    from searchidx.cli import formats
    from searchidx.errors import SearchidxError

    failures = 0
    table = (
        formats.TableWriter(tsv=output_format == "tsv", with_query=True) if output_format in ("csv", "tsv") else None
    )
    with user_errors(), Index.open(index, trust=trust) as opened:
        for line in read_lines(source):
            query = line.strip()
            if not query:
                continue
            try:
                results = opened.search(query, **options)
            except Exception as error:  # noqa: BLE001 - whatever fails on a line is that line's error
                failures += 1
                message = (
                    str(error)
                    if isinstance(error, SearchidxError)
                    else f"internal error: {type(error).__name__}: {error}"
                )
                error_line(f"{query!r}: {message}")
                if output_format == "json":
                    print_json_line({"query": query, "error": message})
                continue
            if output_format == "json":
                print_json_line(formats.results_json(results))
            elif output_format == "jsonl":
                formats.write_json_lines(formats.hit_records(results))
            elif table is not None:
                table.write(results)
            else:
                write_results(results, "text")
                sys.stdout.write("\n")
                sys.stdout.flush()
    if failures:
        raise typer.Exit(EXIT_FAILURE)


def read_lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from sys.stdin
        return
    try:
        with Path(source).open(encoding="utf-8") as lines:
            yield from lines
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read {source}: {getattr(error, 'strerror', None) or error}") from None
