"""A Whoosh file index whose writers write searchidx's codec."""

from __future__ import annotations

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from searchidx.codec.columnar import ColumnarCodec


class ColumnarIndex(FileIndex):
    """Whoosh's FileIndex, every writer (merges and `optimize` included)
    writing its new segment with ColumnarCodec unless told otherwise."""

    def writer(self, procs=1, **kwargs):
        kwargs.setdefault("codec", ColumnarCodec())
        return super().writer(procs=procs, **kwargs)


def create_index(folder: str, schema, indexname: str) -> ColumnarIndex:
    """A new, empty index named `indexname` in the folder."""
    return ColumnarIndex.create(FileStorage(folder), schema, indexname)


def open_index(folder: str, indexname: str) -> ColumnarIndex:
    return ColumnarIndex(FileStorage(folder), indexname=indexname)
