"""The index's fields, and the version of their layout.

The schema, analyzers included, is pickled into the index by Whoosh, so its
shape is part of the index format: bump SCHEMA_VERSION whenever a field is
added, removed or changes type, and the index will ask to be rebuilt.
"""

from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from analyzers import AlbanianAnalyzer
from searchidx.codec import ArrayPositions

# 3: size only stored (was an indexed 64-bit NUMERIC no query read).
# 4: no year/month fields: facets and filters read the date columns
#    (searchidx.index.doctable), and nothing read those two.
# 5: `record` and `url` stored; `title` indexes only an article's own title
#    (a page's or record's headline), no longer a text file's first sentence.
# 6: an `edge` field: the entity names an article holds only where
#    boilerplate stands (signatures, bylines, share lines), searchidx.index.entities.
# 7: searchidx's posting codec (searchidx.codec): postings as arrays, and
#    title and body positions as arrays (ArrayPositions), not pickles.
# 8: `token_starts` stored: where each of the body's tokens starts, noted
#    by the analysis, so snippets mark the tokens the postings matched.
# 9: the codec's layout 2: each field's length as counted beside its code,
#    so merging segments keeps every score.
# 10: the entity fields keep no per-document lengths (no longer scorable):
#    no query scores them (filters and facets read their postings' counts,
#    searchidx.index.doctable), and the lengths cost each article's indexing.
SCHEMA_VERSION = 10

# Entity fields, by the type name users write in filters and facets.
ENTITY_FIELDS = ("person", "place", "org")
# Names an article holds only at its edges, as `org:Lajmi.net` (searchidx.index.entities).
EDGE_FIELD = "edge"


def build_schema() -> Schema:
    analyzer = AlbanianAnalyzer()
    schema = Schema(
        # Unique key: the file's absolute path, so that several folders can
        # share one index without their relative paths colliding; for a
        # record of a file of records, the file's key, `#` and the record's id.
        key=ID(unique=True, stored=True),
        path=STORED(),  # the file, relative to the indexed folder, for display and JSON
        root=ID(stored=True),  # the indexed folder (absolute)
        record=STORED(),  # the record's id (or position) in a file of records; absent otherwise
        url=STORED(),  # where the article was published, when the source says
        # Stored: the title shown (a text file's first sentence). Indexed:
        # only an article's own title, a headline, which is searched as a
        # field of its own (searchidx.rank.settings); the first sentence is the
        # body's already.
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        # The first moment of the article's date period; absent when undated.
        date=DATETIME(stored=True, sortable=True),
        date_text=STORED(),  # "2023", "2023-10" or "2023-10-17"
        # "year", "month" or "day"; a column so that date filters can test that
        # an article's whole period lies inside the range (searchidx.query.filters).
        date_precision=ID(stored=True, sortable=True),
        content_hash=STORED(),
        # Read back only by the manifest (searchidx.index.manifest); as a NUMERIC it
        # put four nearly unique terms per article in the index (~0.15 CPU ms
        # an article at indexing, for nothing).
        size=STORED(),
        mtime=STORED(),
        # Where each token of the body starts (searchidx.codec.formats.
        # encode_starts), noted as the body is analysed: a hit's snippet
        # marks the tokens its postings name without splitting the text again.
        token_starts=STORED(),
        # A name's mentions in an article are its posting's frequency (KEYWORD's
        # format counts them, scorable or not); nothing is scored by these
        # fields, so they keep no lengths.
        **{name: KEYWORD(stored=True, commas=True, lowercase=False) for name in ENTITY_FIELDS},
        **{EDGE_FIELD: KEYWORD(stored=True, commas=True, lowercase=False)},
    )
    for name, starts_field in (("title", None), ("body", "token_starts")):
        # The same postings as TEXT's Positions, the positions kept as an
        # array the codec reads without unpickling.
        schema[name].format = ArrayPositions(field_boost=schema[name].format.field_boost, starts_field=starts_field)
    return schema
