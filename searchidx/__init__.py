"""searchidx: full-text search for Albanian text.

The Python API lives in searchidx.api; its main names are exported here.
"""

from searchidx.api import Index
from searchidx.errors import IndexNotFound, IndexVersionMismatch, QuerySyntaxError, SearchidxError
from searchidx.facets import DateHistogram, Facets, FacetValue
from searchidx.filters import Filter
from searchidx.search import Hit, SearchResults

__all__ = [
    "DateHistogram",
    "FacetValue",
    "Facets",
    "Filter",
    "Hit",
    "Index",
    "IndexNotFound",
    "IndexVersionMismatch",
    "QuerySyntaxError",
    "SearchResults",
    "SearchidxError",
]
