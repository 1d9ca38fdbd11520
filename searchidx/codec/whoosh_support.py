"""The Whoosh version searchidx is written against, and every private part of
Whoosh it uses, in one place.

searchidx pins Whoosh-Reloaded 2.7.5 (pyproject.toml). Beyond Whoosh's
public API it relies on:

* the W3 codec's classes as the base of its own codec
  (searchidx.codec.columnar): their constructors, the W3 term table and
  term info layout, and stored fields and length columns written by
  `W3PerDocWriter.add_field` and `close`;
* the term table's writer, `filetables.OrderedHashWriter`: its entry
  and slot structs, buckets, directory, position index and last key,
  which searchidx.codec.termtable's batch writer fills as `add` and
  `_write_hashes` do;
* a segment writer's commit in steps (`commit_with_segments` and
  `finish_segment` below), so that worker processes' segments are
  committed with the parent's changes in one table of contents
  (searchidx.index.workers);
* an index's current segment list (`index_segments`), to clean up files
  of older generations (searchidx.index.store) and count segments (stats);
* BM25F's per-field B (`field_b`), which searchidx.rank.scorer uses as Whoosh's
  scorer does.

Importing this module with another Whoosh version raises ImportError naming
these, rather than letting an index be written or read wrongly.
"""

from __future__ import annotations

import whoosh
from whoosh.reading import SegmentReader

SUPPORTED_VERSION = (2, 7, 5)

if tuple(whoosh.__version__[:3]) != SUPPORTED_VERSION:
    found = ".".join(map(str, whoosh.__version__))
    raise ImportError(
        f"searchidx needs Whoosh-Reloaded {'.'.join(map(str, SUPPORTED_VERSION))}, found Whoosh {found}: "
        "its posting codec builds on Whoosh's W3 codec classes, its indexing workers commit through "
        "SegmentWriter's private commit steps, and its scorer reads BM25F's per-field B, none of them "
        "public API. Install the pinned version: pip install 'Whoosh-Reloaded==2.7.5'"
    )


def finish_segment(writer):
    """Writes out a SegmentWriter's documents as a finished segment, without
    committing it (a worker's share of a run); None if it added nothing."""
    if writer._added:
        return writer._finalize_segment()
    writer._close_segment()
    return None


def commit_with_segments(writer, segments: list, mergetype=None, merge: bool = False) -> None:
    """Commits writer's deletions, merges and additions plus other writers'
    finished segments in one new table of contents (SegmentWriter.commit,
    with the extra segments added to the list it writes); with `merge`,
    those segments are merged into the writer's new segment instead."""
    final_segments = writer._merge_segments(mergetype, None, None)
    if merge:
        for segment in segments:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    else:
        final_segments += segments
    if writer._added:
        final_segments.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final_segments)
    writer._finish()


def index_segments(ix) -> list:
    """The segments of the index's latest table of contents."""
    return ix._segments()


def field_b(weighting, fieldname: str) -> float:
    """BM25F's B for a field (its `fieldname_B` keyword, else B)."""
    return weighting._field_B.get(fieldname, weighting.B)
