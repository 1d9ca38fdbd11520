"""What the search screen asks the query layer for, and how it asks.

The screen keeps its state (query, filters, sort) in one immutable
SearchRequest; each change makes a new one, so a result that arrives late can
be told apart from the current one. Searching, filtering, facet counting and
suggestions are all the query layer's (searchidx.api.Index.search); this only
passes the request on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from searchidx.api import Index
from searchidx.search import SearchResults

PAGE_SIZE = 20
RELEVANCE, DATE = "relevance", "date"


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    filters: tuple = ()  # searchidx.filters.Filter values, in the order chosen
    sort: str = RELEVANCE

    @property
    def is_empty(self) -> bool:
        return not self.query.strip() and not self.filters

    def with_query(self, query: str) -> "SearchRequest":
        return replace(self, query=query)

    def with_filter(self, choice) -> "SearchRequest":
        if choice in self.filters:
            return self
        return replace(self, filters=self.filters + (choice,))

    def without_filter(self, choice) -> "SearchRequest":
        return replace(self, filters=tuple(f for f in self.filters if f != choice))

    def with_sort(self, sort: str) -> "SearchRequest":
        return replace(self, sort=sort)

    def run(self, index: Index, page: int = 1, limit: int = PAGE_SIZE, facets: bool = True) -> SearchResults:
        """One page of results, with facets; raises QuerySyntaxError for a broken query."""
        return index.search(
            self.query, limit=limit, page=page, filters=list(self.filters), facets=facets, sort=self.sort
        )
