"""The Python API: what the command line, the full-screen app and scripts use.

    from searchidx import Index
    with Index.open() as index:
        results = index.search("Kina Rusia", limit=5)
        for hit in results.hits:
            print(hit.date, hit.title)
"""

from __future__ import annotations

import os
from pathlib import Path

from searchidx.indexer import IndexSummary, ProgressCallback, index_folder
from searchidx.reading import Article, read_article
from searchidx.search import SearchResults, run_search
from searchidx.store import create_whoosh_index, index_exists, open_whoosh_index, resolve_index_dir


class Index:
    """An open searchidx index."""

    def __init__(self, whoosh_index, index_dir: Path):
        self._ix = whoosh_index
        self.path = index_dir

    @classmethod
    def open(cls, index_dir: str | os.PathLike | None = None) -> "Index":
        """Opens an existing index (default: $SEARCHIDX_INDEX or ./.searchidx).

        Raises IndexNotFound, or IndexVersionMismatch for an index that an
        older schema or analyzer built.
        """
        path = resolve_index_dir(index_dir)
        return cls(open_whoosh_index(path), path)

    @classmethod
    def create(cls, index_dir: str | os.PathLike | None = None) -> "Index":
        """Creates an empty index, replacing any index already there."""
        path = resolve_index_dir(index_dir)
        return cls(create_whoosh_index(path), path)

    @classmethod
    def open_or_create(cls, index_dir: str | os.PathLike | None = None) -> "Index":
        path = resolve_index_dir(index_dir)
        return cls.open(path) if index_exists(path) else cls.create(path)

    def add_folder(self, folder: str | os.PathLike, on_progress: ProgressCallback | None = None) -> IndexSummary:
        """Brings the index in step with a corpus folder (see index_folder)."""
        return index_folder(self._ix, Path(folder), on_progress)

    def search(self, query: str, limit: int = 10, page: int = 1) -> SearchResults:
        """Ranked results for a query; raises QuerySyntaxError if it is broken."""
        with self._ix.searcher() as searcher:
            return run_search(searcher, query, limit=limit, page=page)

    def article(self, path: str, query: str | None = None) -> Article | None:
        """The whole article at a hit's path, with the words query matched marked
        (see searchidx.reading); None if no such article is indexed."""
        with self._ix.searcher() as searcher:
            return read_article(searcher, path, query)

    def document_count(self) -> int:
        return self._ix.doc_count()

    def close(self) -> None:
        self._ix.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
