"""`searchidx search`: ranked results for a query, as text or JSON."""

from __future__ import annotations

from typing import Annotated

import typer

from searchidx.api import Index
from searchidx.cli.app import IndexOption, JsonOption, app, console, print_json, user_errors
from searchidx.cli.render import hit_renderable, results_header
from searchidx.search import Hit, SearchResults


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="What to look for, e.g. 'Kina Rusia' or '\"Brezi dhe Rruga\"'.")],
    index: IndexOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Results per page.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Page of results.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Search the index; words may match in any form (Kina, Kinës, Kines)."""
    with user_errors(), Index.open(index) as opened:
        results = opened.search(query, limit=limit, page=page)
    if as_json:
        print_json(results_json(results))
        return
    console.print(results_header(results))
    console.print()
    first = (results.page - 1) * results.limit + 1
    for rank, hit in enumerate(results.hits, first):
        console.print(hit_renderable(rank, hit))


def hit_json(hit: Hit) -> dict:
    return {
        "path": hit.path,
        "date": hit.date,
        "date_precision": hit.date_precision,
        "title": hit.title,
        "score": hit.score,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.highlights],
        "entities": hit.entities,
    }


def results_json(results: SearchResults) -> dict:
    """The documented JSON shape of `searchidx search --json` (see README)."""
    return {
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "limit": results.limit,
        "hits": [hit_json(hit) for hit in results.hits],
    }
