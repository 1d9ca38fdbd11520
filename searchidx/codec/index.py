"""A Whoosh file index whose writers write searchidx's codec."""

from __future__ import annotations

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from searchidx.codec.columnar import ColumnarCodec
from searchidx.codec.writer import ColumnarWriter


class ColumnarIndex(FileIndex):
    """Whoosh's FileIndex, every writer (merges and `optimize` included)
    writing its new segment with ColumnarCodec (a ColumnarWriter) unless
    told otherwise."""

    def writer(self, procs=1, **kwargs):
        kwargs.setdefault("codec", ColumnarCodec())
        if procs > 1:
            return super().writer(procs=procs, **kwargs)
        return ColumnarWriter(self, **kwargs)


def create_index(folder: str, schema, indexname: str) -> ColumnarIndex:
    """A new, empty index named `indexname` in the folder."""
    return ColumnarIndex.create(FileStorage(folder), schema, indexname)


def open_index(folder: str, indexname: str) -> ColumnarIndex:
    return ColumnarIndex(FileStorage(folder), indexname=indexname)
