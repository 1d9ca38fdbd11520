"""searchidx's posting codec for Whoosh: posting lists as arrays.

The index stays a Whoosh index; each segment's posting lists are ours:
contiguous little-endian arrays (document gaps, counts, weights, positions)
read with numpy over the memory-mapped file, no pickle, no per-posting
Python (searchidx.codec.postings). Whoosh's own queries, collectors,
spelling and merging read them through a Whoosh matcher
(`ColumnarMatcher`); searchidx's array scorer reads them whole
(`ColumnarTermsReader.posting_list`).

Modules: `packing` (integer arrays), `formats` (positions as arrays),
`postings` (one term's record), `counted` (a small term's record and
term info in one pass), `files` (mapped files, field lengths),
`termtable` (the term table's writer), `columnar` (the Whoosh codec and
segment), `index` (a file index writing it), `whoosh_support` (the Whoosh
version, and its private parts used).
"""

from searchidx.codec.columnar import (
    LAYOUT_VERSION,
    ColumnarCodec,
    ColumnarPerDocReader,
    ColumnarSegment,
    ColumnarTermsReader,
    UnsupportedSegment,
)
from searchidx.codec.formats import ArrayPositions
from searchidx.codec.index import ColumnarIndex, create_index, open_index
from searchidx.codec.postings import ColumnarMatcher, PostingList

__all__ = [
    "LAYOUT_VERSION",
    "ArrayPositions",
    "ColumnarCodec",
    "ColumnarIndex",
    "ColumnarMatcher",
    "ColumnarPerDocReader",
    "ColumnarSegment",
    "ColumnarTermsReader",
    "PostingList",
    "UnsupportedSegment",
    "create_index",
    "open_index",
]
