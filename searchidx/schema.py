"""The index's fields, and the version of their layout.

The schema, analyzers included, is pickled into the index by Whoosh, so its
shape is part of the index format: bump SCHEMA_VERSION whenever a field is
added, removed or changes type, and the index will ask to be rebuilt.
"""

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from analyzers import AlbanianAnalyzer

SCHEMA_VERSION = 2

# Entity fields, by the type name users write in filters and facets.
ENTITY_FIELDS = ("person", "place", "org")


def build_schema() -> Schema:
    analyzer = AlbanianAnalyzer()
    return Schema(
        # Unique key: the file's absolute path, so that several folders can
        # share one index without their relative paths colliding.
        key=ID(unique=True, stored=True),
        path=STORED(),  # relative to the indexed folder, for display and JSON
        root=ID(stored=True),  # the indexed folder (absolute)
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        # The first moment of the article's date period; absent when undated.
        date=DATETIME(stored=True, sortable=True),
        date_text=STORED(),  # "2023", "2023-10" or "2023-10-17"
        # "year", "month" or "day"; a column so that date filters can test that
        # an article's whole period lies inside the range (searchidx.filters).
        date_precision=ID(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),  # facet keys: "2023"
        month=ID(stored=True, sortable=True),  # facet keys: "2023-10"
        content_hash=STORED(),
        size=NUMERIC(stored=True, bits=64),
        mtime=STORED(),
        **{
            name: KEYWORD(stored=True, commas=True, lowercase=False, scorable=True)
            for name in ENTITY_FIELDS
        },
    )
