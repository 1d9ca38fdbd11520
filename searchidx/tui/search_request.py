"""What the search screen asks the query layer for, and how it asks.

The screen keeps its state (query, filters, sort) in one immutable
SearchRequest; each change makes a new one, so a result that arrives late can
be told apart from the current one. Searching, filtering, facet counting and
suggestions are all the query layer's (searchidx.api.Index.search); this only
passes the request on. An empty request browses the whole archive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from searchidx.api import Index
from searchidx.rank.ranker import DATE, RELEVANCE
from searchidx.results.nothing_found import NothingFound, explain_nothing
from searchidx.results.search import SearchResults

PAGE_SIZE = 20


def _nested(a, b) -> bool:
    """Whether one date filter's period lies inside the other's."""

    def inside(inner, outer) -> bool:
        (inner_first, inner_last), (outer_first, outer_last) = inner.period(), outer.period()
        return (outer_first is None or (inner_first is not None and outer_first <= inner_first)) and (
            outer_last is None or (inner_last is not None and inner_last <= outer_last)
        )

    return inside(a, b) or inside(b, a)


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    filters: tuple = ()  # searchidx.query.filters.Filter values, in the order chosen
    sort: str = RELEVANCE

    @property
    def is_browsing(self) -> bool:
        """No query: the whole archive, or what the filters allow, newest first."""
        return not self.query.strip()

    def with_query(self, query: str) -> SearchRequest:
        return replace(self, query=query)

    def with_filter(self, choice) -> SearchRequest:
        """The request narrowed by one more filter. A date filter replaces the
        date filters nested with it: a month chosen under its year takes the
        year's place (one chip, `◷ 2020-08`, not `◷ 2020 ✕ ◷ 2020-08 ✕`)."""
        if choice in self.filters:
            return self
        kept = self.filters
        if choice.field == "date":
            kept = tuple(f for f in kept if f.field != "date" or not _nested(f, choice))
        return replace(self, filters=kept + (choice,))

    def without_filter(self, choice) -> SearchRequest:
        return replace(self, filters=tuple(f for f in self.filters if f != choice))

    def with_sort(self, sort: str) -> SearchRequest:
        return replace(self, sort=sort)

    def run(self, index: Index, page: int = 1, limit: int = PAGE_SIZE, facets: bool = True) -> SearchResults:
        """One page of results, with facets; raises QuerySyntaxError for a broken query."""
        return index.search(
            self.query, limit=limit, page=page, filters=list(self.filters), facets=facets, sort=self.sort
        )

    def explain(self, index: Index) -> NothingFound:
        """For a request that found nothing: what each filter took away, and the archive's dates."""
        return explain_nothing(index, self.query, list(self.filters))


__all__ = ["DATE", "PAGE_SIZE", "RELEVANCE", "SearchRequest"]
