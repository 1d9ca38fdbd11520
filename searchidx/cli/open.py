"""`searchidx open QUERY`: open a hit in $PAGER or $EDITOR, as the app's `o` and `e` do."""

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from searchidx.cli.app import (
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
    user_errors,
)
from searchidx.cli.output import error_line, is_terminal

if TYPE_CHECKING:
    from searchidx.api import SearchOptions


@app.command(
    "open",
    epilog="In a pipe, the article's text is written out instead. Exit status: 1 when there is no such hit.",
)
def open_command(
    query: QueryArgument = None,
    hit: Annotated[int, typer.Option("--hit", "-N", min=1, metavar="N", help="Which hit, as search ranks them.")] = 1,
    editor: Annotated[bool, typer.Option("--editor", "-e", help="Open it in $VISUAL or $EDITOR, not $PAGER.")] = False,
    index: IndexOption = None,
    filters: FilterOption = None,
    sort: SortOption = "relevance",
    recency: RecencyOption = 0.0,
    plain: PlainOption = False,
    trust: TrustOption = False,
) -> None:
    """Open the first hit of QUERY (or the Nth) in $PAGER, or in $EDITOR with -e."""
    if query is None and not filters:
        from searchidx.cli.app import usage_error

        raise usage_error("give a QUERY (or --filter to browse)")
    options: SearchOptions = dict(filters=filters or [], sort=sort, syntax=not plain, recency=recency)
    open_hit(index, query or "", options, hit, editor, trust=trust or None)


def open_hit(index, query: str, options: "SearchOptions", rank: int, editor: bool, trust: bool | None = None) -> None:
    """Searches, then opens the hit ranked `rank` (see open_command)."""
    from searchidx.api import Index
    from searchidx.terminal import NoProgram, editor_command, pager_command, print_file, run_on_file, run_on_text

    # The one hit at `rank`, found as the search would rank it, without what a list needs.
    search_options: SearchOptions = {
        **options,
        "page": rank,
        "limit": 1,
        "facets": False,
        "snippets": False,
        "suggest": False,
    }
    with user_errors(), Index.open(index, trust=trust) as opened:
        results = opened.search(query, **search_options)
        hit = results.hits[0] if results.hits else None
        # A record of an export is not a file of its own: the pager shows its text.
        article = opened.article(hit.key) if hit is not None and hit.record is not None and not editor else None
    if hit is None:
        what = f"for {query!r}" if query.strip() else "with these filters"
        error_line(f"no results {what}" if not results.total else f"there is no hit {rank}: {results.total} found")
        raise typer.Exit(EXIT_NOTHING_FOUND)
    if not os.path.isfile(hit.file):
        raise fail(f"{hit.file} is no longer there; `searchidx index` brings the index up to date")
    try:
        if article is not None:
            text = f"{article.title}\n\n{article.body}\n"
            if is_terminal(sys.stdout):
                code = run_on_text(pager_command(), text)
            else:
                sys.stdout.write(text)
                code = 0
        elif editor:
            code = run_on_file(editor_command(), hit.file)
        elif is_terminal(sys.stdout):
            code = run_on_file(pager_command(), hit.file)
        else:
            print_file(hit.file)
            code = 0
    except NoProgram as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"cannot read {hit.file}: {error.strerror or error}") from None
    if code:
        raise typer.Exit(code)
