"""A run whose posting pools fill writes several segments and merges them
into one (searchidx.index.workers.SegmentsWriter, searchidx.codec.writer): the
index it leaves searches exactly as one built in one go."""

from __future__ import annotations

import pytest

import searchidx.index.workers as workers
from searchidx import Index
from searchidx.codec.pool import TermPool

from conftest import LAJMI, needs_shared_data

# Slow (indexes large enough to fill the writers' pools): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

QUERIES = ["Kosovës qeveria", '"të jetë"', "Prishtinë", "shëndetësisë pandemia vaksina Kina"]


def _snapshot(index_dir):
    with Index.open(index_dir) as index:
        with index._ix.searcher() as searcher:
            keys = [fields["key"] for fields in searcher.all_stored_fields()]
            segments = len(searcher.reader().leaf_readers())
        results = {
            q: [(h.key, h.score, h.snippet) for h in index.search(q, limit=20, facets=True).hits] for q in QUERIES
        }
        facets = {q: index.search(q, facets=True).facets for q in QUERIES}
    return keys, segments, results, facets


@needs_shared_data(LAJMI)
@pytest.mark.parametrize("processes", [1, 2])
def test_a_run_that_fills_its_pools_equals_one_that_does_not(tmp_path, monkeypatch, processes):
    with Index.create(tmp_path / "whole") as index:
        index.add_folder(LAJMI, processes=processes)
    whole = _snapshot(tmp_path / "whole")
    full = TermPool.full
    # ~25 articles a segment (the workers are forked: they see it too)
    monkeypatch.setattr(TermPool, "full", lambda self: self.postings >= 5_000)
    with Index.create(tmp_path / "spilled") as index:
        index.add_folder(LAJMI, processes=processes)
    monkeypatch.setattr(TermPool, "full", full)
    spilled = _snapshot(tmp_path / "spilled")
    assert spilled[1] == 1  # the run's many segments, merged into one
    assert whole[1] == processes
    assert spilled[0] == whole[0]  # the same articles, numbered alike
    assert spilled[2:] == whole[2:]


def test_a_writer_pool_fills_at_its_share_of_the_run_memory():
    assert workers.writer_limit_mb(2) == workers.WRITER_MEMORY_MB // 2
    pool = TermPool(limit_mb=1)
    for docnum in range(30_000):
        pool.add(("body", b"nafta", docnum, 1.0, b"\0\0\0\0"))
        if pool.full():
            break
    assert 0 < pool.memory() - 1024 * 1024 < 100 and docnum < 30_000


def test_optimize_keeps_every_score(tmp_path):
    """Merged segments keep the fields' lengths as counted (Whoosh's merge
    adds up their one-byte codes again), so an index scores alike before
    and after `optimize`."""
    from conftest import add_documents, build_index, random_docs

    docs = random_docs(200, seed=5)
    with build_index(tmp_path / "index", docs[:120]) as index:
        add_documents(index, docs[120:])
        queries = ["nafta gazi", "qeveria buxheti shkolla tregu", '"nafta gazi"']
        before = {q: [(h.key, h.score) for h in index.search(q, limit=50).hits] for q in queries}
        with index._ix.searcher() as searcher:
            total = searcher.reader().field_length("body")
            assert len(searcher.reader().leaf_readers()) == 2
        index.optimize()
        with index._ix.searcher() as searcher:
            assert len(searcher.reader().leaf_readers()) == 1
            assert searcher.reader().field_length("body") == total
        assert {q: [(h.key, h.score) for h in index.search(q, limit=50).hits] for q in queries} == before
