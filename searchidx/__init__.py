"""searchidx: full-text search for Albanian text.

The Python API lives in searchidx.api; its main names are exported here.
"""

from searchidx.api import Index
from searchidx.errors import IndexNotFound, IndexVersionMismatch, QuerySyntaxError, SearchidxError
from searchidx.search import Hit, SearchResults

__all__ = [
    "Hit",
    "Index",
    "IndexNotFound",
    "IndexVersionMismatch",
    "QuerySyntaxError",
    "SearchResults",
    "SearchidxError",
]
