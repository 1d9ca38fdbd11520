"""Indexing runs with the tables loaded before it frozen out of garbage
collection and fewer young collections (searchidx.index.workers.indexing_gc),
and leaves the caller's process as it found it."""

from __future__ import annotations

import gc

import searchidx.index.workers as workers
from searchidx import Index

from conftest import SEED


def test_the_collector_is_set_for_the_run_and_restored_after():
    before = gc.get_threshold()
    with workers.indexing_gc():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (max(workers.GC_YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_run_adds_its_documents_under_the_indexing_collector(make_corpus, index_dir, monkeypatch):
    seen = []
    add = workers.SegmentsWriter.add
    monkeypatch.setattr(workers.SegmentsWriter, "add", lambda *a: seen.append(gc.get_threshold()[0]) or add(*a))
    folder = make_corpus({"a.txt": SEED.read_text(encoding="utf-8"), "b.txt": "Kina dhe Rusia."})
    before = gc.get_threshold()
    with Index.create(index_dir) as index:
        assert index.add_folder(folder, processes=1).added == 2
    assert seen == [workers.GC_YOUNG_THRESHOLD] * 2
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
