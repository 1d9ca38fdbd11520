"""Runs a query against an open index and shapes the results."""

from __future__ import annotations

from dataclasses import dataclass, field

from searchidx.query import TEXT_FIELDS, parse_query
from searchidx.schema import ENTITY_FIELDS
from searchidx.snippets import Snippet, make_snippet


@dataclass(frozen=True)
class Hit:
    """One matching article."""

    path: str
    date: str | None  # in the precision it has: "2023", "2023-10" or "2023-10-17"
    date_precision: str | None  # "year", "month", "day", or None when undated
    title: str
    score: float
    snippet: Snippet
    entities: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResults:
    """One page of hits and the total number of matching articles."""

    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit]


def run_search(searcher, query_text: str, limit: int = 10, page: int = 1) -> SearchResults:
    """Searches title and body; raises QuerySyntaxError for a broken query."""
    schema = searcher.schema
    query = parse_query(query_text, schema)
    results = searcher.search_page(query, page, pagelen=limit)
    terms = frozenset(
        text
        for fieldname, text in query.existing_terms(searcher.reader(), phrases=True, expand=True)
        if fieldname in TEXT_FIELDS
    )
    terms = frozenset(t.decode("utf-8") if isinstance(t, bytes) else t for t in terms)
    analyzer = schema["body"].analyzer
    hits = [
        Hit(
            path=fields["path"],
            date=fields.get("date_text"),
            date_precision=fields.get("date_precision"),
            title=fields["title"],
            score=round(float(hit.score), 4),
            snippet=make_snippet(fields["body"], terms, analyzer),
            entities=stored_entities(fields),
        )
        for hit in results
        for fields in (hit.fields(),)
    ]
    return SearchResults(query=query_text, total=results.total, page=page, limit=limit, hits=hits)


def stored_entities(fields: dict) -> dict[str, list[str]]:
    """Distinct entity names by type, in the order the article first names them."""
    return {
        name: list(dict.fromkeys(v for v in fields.get(name, "").split(",") if v))
        for name in ENTITY_FIELDS
    }
