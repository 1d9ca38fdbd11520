"""The segment's term table as Whoosh writes it, with many terms added at once.

The table (.trm) is Whoosh's ordered hash file (`OrderedHashWriter`): each
entry as its two lengths, key and value; a position per entry for ordered
lookups; and 256 hash buckets of (hash, position) written when it closes.
Whoosh adds one entry per call, through two file wrappers, three writes,
two `tell`s and a hash computed through a hex string. A segment's entity
fields are thousands of terms of one or two postings each, for which that
bookkeeping costs more than building their records (searchidx.codec.
counted); `add_many` writes the same bytes for a run of
entries with one write, and the hash tables are written a table at a time
rather than a slot (twice per entry) at a time.
"""

from __future__ import annotations

from array import array
from hashlib import md5

from whoosh.filedb import filetables

# Whoosh's entry header (the key's and the value's length), as it packs it.
_ENTRY_LENGTHS = filetables._lengths
# A hash table's slot: the key's hash and the entry's position.
_SLOT = filetables._pointer


def md5_hash(key: bytes) -> int:
    """Whoosh's md5_hash (the low 32 bits of the key's MD5, read as a
    number) from the digest's last four bytes, without the hex string."""
    return int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")


class TermTableWriter(filetables.OrderedHashWriter):
    """Whoosh's OrderedHashWriter (MD5 hashes, the W3 codec's choice), with
    `add_many` for a sorted run of entries and its hash tables written
    whole."""

    lastkey: bytes  # (Whoosh's: the key added last)

    def add_many(self, entries: list[tuple[bytes, bytes]]) -> None:
        """`add` for each (key, value) of `entries` in turn, keys ascending
        and above any added before: the same bytes, index and buckets."""
        if not entries:
            return
        if self.hashtype != 0:  # another hash than Whoosh's writers choose: its own way
            for key, value in entries:
                self.add(key, value)
            return
        last = self.lastkey
        position = self.dbfile.tell()
        parts: list[bytes] = []
        positions: list[int] = []
        buckets = self.buckets
        pack_lengths = _ENTRY_LENGTHS.pack
        for key, value in entries:
            if key <= last:
                raise ValueError(f"Keys must increase: {last!r}..{key!r}")
            last = key
            positions.append(position)
            parts += (pack_lengths(len(key), len(value)), key, value)
            h = md5_hash(key)
            buckets[h & 255].append((h, position))
            position += _ENTRY_LENGTHS.size + len(key) + len(value)
        self.dbfile.write(b"".join(parts))
        self.lastkey = last
        _extend_index(self.index, positions)

    def _write_hashes(self) -> None:
        """Whoosh's 256 hash tables (each bucket's entries placed by linear
        probing in twice as many slots, empty slots (0, 0)), a table per
        write rather than a write per slot."""
        dbfile = self.dbfile
        pack_slot = _SLOT.pack
        empty = (0, 0)
        for entries in self.buckets:
            slots = 2 * len(entries)
            self.directory.append((dbfile.tell(), slots))
            table = [empty] * slots
            for entry in entries:
                slot = (entry[0] >> 8) % slots
                while table[slot] != empty:
                    slot = (slot + 1) % slots
                table[slot] = entry
            if table:
                dbfile.write(b"".join([pack_slot(h, position) for h, position in table]))


def _extend_index(index, positions: list[int]) -> None:
    """Appends positions to Whoosh's GrowableArray of entry positions as its
    `append` would, one by one, widening its type when one does not fit."""
    held = index.array
    if isinstance(held, array):
        try:
            held.extend(array(held.typecode, positions))  # all or nothing
            return
        except OverflowError:
            pass
    index.extend(positions)
