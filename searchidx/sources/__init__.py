"""Source formats: how the bytes of a file in a corpus folder become articles.

| format | files | articles |
|---|---|---|
| text | `*.txt` | the file (searchidx.sources.text: ` date …`, paragraphs, no title) |
| html | `*.html`, `*.htm` | the page's article: headline, date, canonical URL, text (searchidx.sources.html) |
| jsonl, json, csv, tsv | `*.jsonl`, `*.json`, `*.csv`, `*.tsv` | each record (searchidx.sources.records) |

A format of whole files turns a file into one Document or raises
UnreadableFile with the reason; a format of records turns a file into a
Document per record, each naming its record (`Document.record`: the
record's id, or its position), and a BadRecord for each record it cannot
read. The indexer knows no more of a format than `format_of` tells it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from searchidx.sources.formats import (  # noqa: F401  (the formats, named from here too)
    CSV,
    FORMATS,
    HTML,
    JSON,
    JSONL,
    MAX_RECORD_FILE_BYTES,
    SUFFIXES,
    TEXT,
    TSV,
    Format,
    format_of,
    size_limit,
)
from searchidx.sources.text import (
    DEFAULT_MAX_BYTES,
    Document,
    SkippedFile,
    UnreadableFile,
    parse_document,
    read_bytes,
    relative_path,
)


def read_article(raw: bytes, path: str, size: int = 0, mtime: float = 0.0, mtime_ns: int = 0) -> Document:
    """One article from the bytes of a text or HTML file; raises UnreadableFile."""
    form = format_of(path)
    if form is HTML:
        from searchidx.sources.html import parse_page  # trafilatura is slow to import: only when a page is read

        return parse_page(raw, path, size, mtime, mtime_ns)
    if form is TEXT:
        return parse_document(raw, path, size, mtime, mtime_ns)
    raise UnreadableFile(f"not a file of one article ({form.name if form else 'unknown'} format)")


def read_article_file(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Reads the one article of a text or HTML file; raises UnreadableFile."""
    raw, stat = read_bytes(path, max_bytes)
    return read_article(raw, relative_path(path, root), stat.st_size, stat.st_mtime, stat.st_mtime_ns)


def read_file(
    path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES, names=None
) -> Iterator[Document | SkippedFile]:
    """Every article of a file of any format, and a SkippedFile for the file
    or each record that cannot be read (names: FieldNames for records)."""
    relative = relative_path(path, root)
    form = format_of(relative)
    try:
        if form is None or not form.holds_records:
            yield read_article_file(path, root, max_bytes)
            return
        from searchidx.sources.records import FieldNames, read_record_file

        raw, stat = read_bytes(path, size_limit(relative, max_bytes))
        read = read_record_file(
            raw, relative, names or FieldNames(), max_bytes=max_bytes, mtime=stat.st_mtime, mtime_ns=stat.st_mtime_ns
        )
    except UnreadableFile as error:
        yield SkippedFile(relative, str(error))
        return
    yield from read.documents
    for problem in read.problems:
        if problem.indexed:
            continue  # a note on a record yielded above
        yield SkippedFile(relative, problem.reason)
