"""An article's index fields: what the indexer and its workers add for one Document.

Its own module because both the indexer (one process) and the workers (every
core) add documents, and the indexer starts the workers: with the fields in
either, the two imported each other.
"""

from __future__ import annotations

from pathlib import Path

from searchidx.index.entities import entity_fields
from searchidx.sources.text import Document


def document_key(root: Path, path: str, record: str | None = None) -> str:
    """The unique key of a document: its file's absolute path, and `#id` for a record in a file of records."""
    key = str(root / path)
    return key if record is None else f"{key}#{record}"


def document_fields(document: Document, root: Path) -> dict:
    """The index fields of one document (see searchidx.index.schema)."""
    fields = {
        "key": document_key(root, document.path, document.record),
        "path": document.path,
        "root": str(root),
        # Only an article's own title is searched as a title: a text file's
        # first sentence is shown as one, and searched in the body.
        "title": document.title if document.title_given else "",
        "_stored_title": document.title,
        "body": document.body,
        "content_hash": document.content_hash,
        "size": document.size,
        "mtime": document.mtime,
    }
    if document.record is not None:
        fields["record"] = document.record
    if document.url:
        fields["url"] = document.url
    if document.date is not None:
        fields["date"] = document.date.start
        fields["date_text"] = str(document.date)
        fields["date_precision"] = document.date.precision
    # A headline names the story's people and places as the first sentence
    # of a text file does (which is part of its body).
    for name, values in entity_fields(document.body, document.title if document.title_given else None).items():
        if values:
            mentions = mention_counts(values)
            # Indexed as each name's count of mentions (the postings'
            # frequencies), stored once per name: displays show distinct
            # names, and the repeats only made every stored document longer.
            fields[name] = mentions
            fields["_stored_" + name] = ",".join(mentions)
    return fields


def mention_counts(values: list[str]) -> dict[str, int]:
    """An entity field's names (each repeated once per mention) as each
    name's count of mentions, in order of first mention, as the index
    writes them: a comma would split a name in the field's stored value
    (and in Whoosh's comma tokenizer), so it becomes a space; a name
    left empty is dropped. The writer takes the counts as they are
    (searchidx.codec.writer.counted_terms), without counting again."""
    counts: dict[str, int] = {}
    for value in dict.fromkeys(values):
        name = value.replace(",", " ").strip()
        if name:
            # (a name's mentions counted in C: a field lists a few names)
            counts[name] = counts.get(name, 0) + values.count(value)
    return counts
