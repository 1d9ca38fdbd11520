"""`searchidx search`: ranked results for a query, as text or JSON, one or a batch."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from searchidx.api import Index
from searchidx.cli.app import IndexOption, JsonOption, app, console, error_console, fail, print_json, user_errors
from searchidx.cli.render import facets_renderable, filters_line, hit_renderable, results_header, suggestion_line
from searchidx.errors import SearchidxError
from searchidx.facets import DateHistogram, Facets, FacetValue
from searchidx.filters import Filter
from searchidx.search import RELEVANCE, SORTS, Hit, SearchResults


@app.command("search")
def search_command(
    query: Annotated[
        Optional[str],
        typer.Argument(help="What to look for, e.g. 'Kina Rusia', '\"Brezi dhe Rruga\"', 'Kina data:2023 vend:Tajvan'."),
    ] = None,
    index: IndexOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Results per page.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Page of results.")] = 1,
    filters: Annotated[
        Optional[list[str]],
        typer.Option("--filter", "-f", help="Narrow to a facet value: data:2023, vend:Kina, person:Putin (repeatable)."),
    ] = None,
    facets: Annotated[bool, typer.Option("--facets", help="Show dates and entities over all matches.")] = False,
    sort: Annotated[str, typer.Option("--sort", help=f"Order: {' or '.join(SORTS)} (newest first).")] = RELEVANCE,
    recency: Annotated[
        float, typer.Option("--recency", min=0.0, help="Boost newer articles: 1 doubles the newest one's score.")
    ] = 0.0,
    plain: Annotated[
        bool, typer.Option("--plain", help="Read the query as plain words: no operators, phrases or filters.")
    ] = False,
    batch: Annotated[
        Optional[str],
        typer.Option("--batch", help="Run one query per line of FILE ('-' for stdin); print one JSON object per line."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Search the index; words may match in any form (Kina, Kinës, Kines)."""
    if sort not in SORTS:
        raise fail(f"--sort must be one of {', '.join(SORTS)}, not {sort!r}")
    options = dict(
        filters=filters or [], facets=facets, page=page, limit=limit, sort=sort, syntax=not plain, recency=recency
    )
    if batch is not None:
        if query is not None:
            raise fail("give either a QUERY or --batch FILE, not both")
        run_batch(batch, index, options)
        return
    if query is None and not filters:
        raise fail("give a QUERY (or --filter to browse, or --batch FILE)")
    with user_errors(), Index.open(index) as opened:
        results = opened.search(query or "", **options)
    if as_json:
        print_json(results_json(results))
        return
    print_results(results)


def print_results(results: SearchResults) -> None:
    console.print(results_header(results))
    if results.filters or results.query_filters:
        console.print(filters_line(results))
    if results.suggestion:
        console.print(suggestion_line(results.suggestion))
    console.print()
    first = (results.page - 1) * results.limit + 1
    for rank, hit in enumerate(results.hits, first):
        console.print(hit_renderable(rank, hit))
    if results.facets is not None:
        console.print(facets_renderable(results.facets))


def run_batch(source: str, index, options: dict) -> None:
    """One JSON object per input line; a bad query gets an {"error"} line, not a stop."""
    failures = 0
    with user_errors(), Index.open(index) as opened:
        for line in read_lines(source):
            query = line.strip()
            if not query:
                continue
            try:
                record = results_json(opened.search(query, **options))
            except SearchidxError as error:
                failures += 1
                record = {"query": query, "error": str(error)}
                error_console.print(f"[bold red]error:[/] {query!r}: {error}", markup=True, soft_wrap=True)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


def read_lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from sys.stdin
        return
    path = Path(source)
    try:
        with path.open(encoding="utf-8") as lines:
            yield from lines
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read {source}: {getattr(error, 'strerror', None) or error}") from None


# -- The documented JSON shape of `searchidx search --json` (see README) -------


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
        "record": hit.record,
        "url": hit.url,
    }


def filter_json(item: Filter) -> dict:
    return {"field": item.field, "value": item.value, "text": item.text}


def facet_value_json(value: FacetValue) -> dict:
    return {"value": value.value, "count": value.count, "filter": value.filter.text}


def date_json(histogram: DateHistogram) -> dict:
    return {
        "years": [facet_value_json(v) for v in histogram.years],
        "year": histogram.year,
        "months": [facet_value_json(v) for v in histogram.months],
        "year_only": histogram.year_only,
        "undated": histogram.undated,
    }


def facets_json(facets: Facets) -> dict:
    data: dict = {}
    if facets.date is not None:
        data["date"] = date_json(facets.date)
    for name, values in facets.entities.items():
        data[name] = [facet_value_json(v) for v in values]
    return data


def results_json(results: SearchResults) -> dict:
    """The documented JSON shape of `searchidx search --json` (see README)."""
    return {
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "limit": results.limit,
        "pages": results.pages,
        "sort": results.sort,
        "filters": [filter_json(f) for f in results.filters],
        "query_filters": [filter_json(f) for f in results.query_filters],
        "suggestion": results.suggestion,
        "hits": [hit_json(hit) for hit in results.hits],
        "facets": facets_json(results.facets) if results.facets is not None else None,
    }
