"""Plain Whoosh, the baseline the benchmarks measure searchidx against.

What a user of Whoosh would write for the same job: StandardAnalyzer on
title and body (both stored), the path, and a date and a year column for
facets and date filters, fed by searchidx's own corpus reader so that both
see the same documents. Searches parse the text with MultifieldParser over
title and body, OR between words (as searchidx), take a page of 10 with
the stored titles and the total count, and with facets count the matches
per year (`groupedby`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import DATETIME, ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.sorting import FieldFacet

from searchidx.sources.folder import read_corpus


def whoosh_schema() -> Schema:
    analyzer = StandardAnalyzer()
    return Schema(
        path=ID(unique=True, stored=True),
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        date=DATETIME(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
    )


def build_whoosh(
    corpus: Path,
    index_dir: Path,
    limitmb: int = 256,
    procs: int = 1,
    multisegment: bool = False,
    optimize: bool = False,
) -> int:
    """Indexes corpus into a new Whoosh index at index_dir; returns the documents added.

    The defaults are one SegmentWriter with a 256 MB posting pool and
    Whoosh's default merge on commit: Whoosh as its documentation shows it.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(index_dir), whoosh_schema())
    writer = ix.writer(limitmb=limitmb, procs=procs, multisegment=multisegment)
    count = 0
    for document in read_corpus(corpus):
        if not hasattr(document, "body"):
            continue  # a skipped file
        fields = {"path": document.path, "title": document.title, "body": document.body}
        if document.date is not None:
            fields["date"] = document.date.start
            fields["year"] = f"{document.date.year:04d}"
        writer.add_document(**fields)
        count += 1
    writer.commit(optimize=optimize)
    ix.close()
    return count


class WhooshBaseline:
    """An open Whoosh index, searched as a user of Whoosh would."""

    def __init__(self, path: Path):
        self.ix = whoosh_index.open_dir(str(path))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema, group=OrGroup)

    def search(
        self,
        text: str,
        *,
        facets: bool = False,
        date_range: tuple[datetime, datetime] | None = None,
        limit: int = 10,
    ) -> int:
        """Runs one search, reads the page's titles (and year counts); returns the total."""
        query = self.parser.parse(text)
        options = {}
        if date_range is not None:
            options["filter"] = wq.DateRange("date", *date_range)
        if facets:
            options["groupedby"] = {"year": FieldFacet("year")}
        results = self.searcher.search(query, limit=limit, **options)
        for hit in results:
            hit["title"]
        if facets:
            results.groups("year")
        return len(results)  # the total count

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()
