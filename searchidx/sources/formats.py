"""The formats searchidx reads, told apart by a file's suffix (see searchidx.sources)."""

from __future__ import annotations

from dataclasses import dataclass

from searchidx.sources.text import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    holds_records: bool  # many articles a file, each with an id


TEXT = Format("text", (".txt",), holds_records=False)
HTML = Format("html", (".html", ".htm"), holds_records=False)
JSONL = Format("jsonl", (".jsonl", ".ndjson"), holds_records=True)
JSON = Format("json", (".json",), holds_records=True)
CSV = Format("csv", (".csv",), holds_records=True)
TSV = Format("tsv", (".tsv",), holds_records=True)
FORMATS = (TEXT, HTML, JSONL, JSON, CSV, TSV)
SUFFIXES = tuple(suffix for form in FORMATS for suffix in form.suffixes)
_BY_SUFFIX = {suffix: form for form in FORMATS for suffix in form.suffixes}

# A file of records is read whole (its records are compared with the ones
# indexed), so it may be far larger than one article; --max-size limits each
# of its records instead.
MAX_RECORD_FILE_BYTES = 2 * 1024**3


def format_of(name: str) -> Format | None:
    """The format of a file, by its suffix (lowercase, as written), or None."""
    dot = name.rfind(".")
    return _BY_SUFFIX.get(name[dot:]) if dot > 0 else None


def size_limit(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """The largest file of this name that is read: max_bytes for an article,
    MAX_RECORD_FILE_BYTES (or max_bytes, if larger) for a file of records."""
    form = format_of(name)
    return max(max_bytes, MAX_RECORD_FILE_BYTES) if form is not None and form.holds_records else max_bytes
