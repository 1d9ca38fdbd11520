"""Why a search found nothing: what each filter took away, and what the index holds.

`zgjedhjet data:2014` finding nothing says little by itself; beside it,
"without data:2014: 3 results" and "the index holds 2015 to 2025-04" say
what to change. Each filter's count is one more search with that filter
alone left out (the query's words and every other filter kept), so this is
for the zero-hit case, not for every search.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from searchidx.errors import QuerySyntaxError
from searchidx.query.parser import split_filters

if TYPE_CHECKING:
    from searchidx.index.stats import IndexStats
    from searchidx.query.filters import Filter
    from searchidx.results.search import SearchResults


class Searchable(Protocol):
    """What this needs of an index: searchidx.api.Index, which sits above
    this layer and so is not imported here."""

    def search(
        self,
        query: str = "",
        *,
        filters: Iterable[Filter | str] | Filter | str = (),
        limit: int = 10,
        syntax: bool = True,
        snippets: bool = True,
        suggest: bool = True,
    ) -> SearchResults: ...

    def stats(self) -> IndexStats: ...


@dataclass(frozen=True)
class FilterEffect:
    filter: str  # as written: "data:2014", "vend:Kina"
    without: int  # matches of the same search with this filter alone left out


@dataclass(frozen=True)
class NothingFound:
    effects: tuple[FilterEffect, ...]  # one per filter, given or written in the query
    documents: int  # in the index
    first_date: str | None  # the earliest and latest dates, in their precision
    last_date: str | None
    undated: int


def explain_nothing(
    index: Searchable, query: str, filters: Iterable[Filter | str] = (), syntax: bool = True
) -> NothingFound:
    """What each filter of a search that found nothing took away (see module doc)."""
    given = [f if isinstance(f, str) else f.text for f in filters]
    words = query
    written: list[str] = []
    if syntax and query.strip():
        try:
            split = split_filters(query)
        except QuerySyntaxError:
            split = None
        if split is not None:
            words, written = split
    every = given + written
    effects = []
    for position, item in enumerate(every):
        others = every[:position] + every[position + 1 :]
        found = index.search(words, filters=others, syntax=syntax, limit=1, snippets=False, suggest=False)
        effects.append(FilterEffect(item, found.total))
    stats = index.stats()
    return NothingFound(tuple(effects), stats.documents, stats.first_date, stats.last_date, stats.undated)
