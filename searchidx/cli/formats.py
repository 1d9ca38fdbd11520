"""`searchidx search --format`: results as data for other programs.

json   one document per search (the shape docs/json-output.md documents);
       with --batch, one such document per line
jsonl  one hit per line: its rank, the query, then the hit's fields
csv    a header row, then one row per hit (RFC 4180 quoting)
tsv    the same with tabs; tabs and line breaks inside a field become spaces

Every hit carries `path` (relative to the indexed folder, as the index
knows it) and `file` (the absolute path, to open it); a record of a JSON
Lines or CSV export also its `record` id, and an article its `url` if known.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from searchidx.query.filters import Filter
    from searchidx.results.facets import DateHistogram, Facets, FacetValue
    from searchidx.results.search import Hit, SearchResults

FORMATS = ("text", "json", "jsonl", "csv", "tsv")
ENTITY_TYPES = ("person", "place", "org")
# The columns of csv and tsv (with --batch, "query" comes first).
TABLE_COLUMNS = ("rank", "score", "date", "title", "path", "file", "record", "url", "snippet", *ENTITY_TYPES)


def hit_json(hit: Hit) -> dict:
    return {
        "path": hit.path,
        "file": hit.file,
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
    """The documented JSON shape of `searchidx search --json` (docs/json-output.md)."""
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


def first_rank(results: SearchResults) -> int:
    return (results.page - 1) * results.limit + 1


def hit_records(results: SearchResults) -> list[dict]:
    """Each hit of the page as one flat record: rank and query first."""
    return [
        {"rank": rank, "query": results.query, **hit_json(hit)}
        for rank, hit in enumerate(results.hits, first_rank(results))
    ]


class TableWriter:
    """Rows of hits as CSV or TSV, the header written before the first row."""

    def __init__(self, tsv: bool, with_query: bool, stream: IO | None = None):
        self.tsv = tsv
        self.columns = (("query",) if with_query else ()) + TABLE_COLUMNS
        self.stream = stream or sys.stdout
        self.csv = csv.writer(self.stream, lineterminator="\n")
        self.header_written = False

    def row(self, cells) -> None:
        if self.tsv:
            self.stream.write("\t".join(cells) + "\n")
        else:
            self.csv.writerow(cells)

    def cell(self, value) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            value = "; ".join(value)
        text = str(value)
        if self.tsv:  # TSV has no quoting: a tab or a line break would start a new field or row
            text = " ".join(text.replace("\t", " ").splitlines())
        return text

    def write(self, results: SearchResults) -> None:
        if not self.header_written:
            self.row(self.columns)
            self.header_written = True
        for record in hit_records(results):
            row = {**record, **record["entities"]}
            self.row([self.cell(row.get(column)) for column in self.columns])
        self.stream.flush()


def write_json_lines(records: list[dict], stream: IO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))
    stream.flush()
