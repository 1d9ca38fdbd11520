"""searchidx: full-text search for Albanian text.

The Python API lives in searchidx.api; its main names are exported here
(`from searchidx import Index`). They are imported on first use (PEP 562),
so that importing a light part of the package, as the command line does to
print its help, does not load the query layer, numpy and Whoosh.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from searchidx import lean_imports

__version__ = "0.1.0"

# Before anything imports Whoosh or numpy: see searchidx/lean_imports.py.
lean_imports.install()

# Exported name -> the module that defines it.
_EXPORTS = {
    "Index": "searchidx.api",
    "IndexDamaged": "searchidx.errors",
    "IndexLocked": "searchidx.errors",
    "IndexNotFound": "searchidx.errors",
    "IndexUntrusted": "searchidx.errors",
    "IndexVersionMismatch": "searchidx.errors",
    "QuerySyntaxError": "searchidx.errors",
    "SearchidxError": "searchidx.errors",
    "DateHistogram": "searchidx.results.facets",
    "Facets": "searchidx.results.facets",
    "FacetValue": "searchidx.results.facets",
    "Filter": "searchidx.query.filters",
    "Hit": "searchidx.results.search",
    "SearchResults": "searchidx.results.search",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'searchidx' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from searchidx.api import Index
    from searchidx.errors import (
        IndexDamaged,
        IndexLocked,
        IndexNotFound,
        IndexUntrusted,
        IndexVersionMismatch,
        QuerySyntaxError,
        SearchidxError,
    )
    from searchidx.query.filters import Filter
    from searchidx.results.facets import DateHistogram, Facets, FacetValue
    from searchidx.results.search import Hit, SearchResults
