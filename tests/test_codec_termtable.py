"""The term table's batch writer (searchidx.codec.termtable) writes the bytes
Whoosh's OrderedHashWriter writes an entry at a time."""

import random

import pytest
from whoosh.filedb import filetables
from whoosh.filedb.filestore import RamStorage

from searchidx.codec.termtable import TermTableWriter, md5_hash


def _table_bytes(runs, batch: bool) -> bytes:
    storage = RamStorage()
    table = (TermTableWriter if batch else filetables.OrderedHashWriter)(storage.create_file("t"))
    table.extras["fieldmap"] = {"body": 0}
    for run in runs:
        if batch:
            table.add_many(run)
        else:
            for key, value in run:
                table.add(key, value)
    table.close()
    return storage.open_file("t").read()


def _runs(rng: random.Random, entries: int, value_size: int):
    keys = sorted({rng.randbytes(rng.randint(1, 12)) for _ in range(entries)})
    pairs = [(key, rng.randbytes(rng.randint(1, value_size))) for key in keys]
    runs, at = [], 0
    while at < len(pairs):
        step = rng.choice([0, 1, 1, 3, 50, 400])
        runs.append(pairs[at : at + step])
        at += step
    return runs


@pytest.mark.parametrize("seed", range(4))
def test_add_many_writes_what_add_writes(seed):
    rng = random.Random(seed)
    # large values: the entries' positions outgrow the index's 16-bit array
    runs = _runs(rng, 2000, 60 if seed < 2 else 200)
    assert _table_bytes(runs, batch=True) == _table_bytes(runs, batch=False)


def test_add_many_refuses_keys_out_of_order():
    table = TermTableWriter(RamStorage().create_file("t"))
    table.add_many([(b"b", b"1")])
    with pytest.raises(ValueError):
        table.add_many([(b"c", b"1"), (b"a", b"1")])
    with pytest.raises(ValueError):
        table.add_many([(b"b", b"1")])


def test_md5_hash_is_whooshs():
    rng = random.Random(7)
    for key in [b"", b"a", "Kinë".encode(), *(rng.randbytes(rng.randint(1, 30)) for _ in range(500))]:
        assert md5_hash(key) == filetables.md5_hash(key)
