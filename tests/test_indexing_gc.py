"""Indexing runs with the tables loaded before it frozen out of garbage
collection and fewer young collections (searchidx.index.workers.indexing_gc),
and leaves the caller's process as it found it."""

from __future__ import annotations

import gc

import pytest

import searchidx.index.workers as workers
from analyzers.entities import gazetteer
from searchidx import Index

from conftest import SEED


def test_the_collector_is_set_for_the_run_and_restored_after():
    before = gc.get_threshold()
    with workers.indexing_gc():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (max(workers.GC_YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_tables_are_loaded_with_the_collector_paused_and_frozen_before_it_resumes(index_dir, monkeypatch):
    monkeypatch.setattr(gazetteer, "_loaded", None)  # a cold run: the dictionaries are unpickled anew
    collections = []

    def record(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    with Index.create(index_dir) as index:
        gc.callbacks.append(record)
        try:
            with workers.indexing_gc(index._ix):
                during_warm_up = list(collections)
                tables = gazetteer.load()
                young_and_old = {id(o) for generation in range(3) for o in gc.get_objects(generation)}
        finally:
            gc.callbacks.remove(record)
    assert during_warm_up == []  # loading them made a collection due; it never ran
    assert tables is not None and id(tables.common) not in young_and_old  # frozen
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_paused_collector_stays_paused_and_a_failed_warm_up_freezes_nothing(index_dir, monkeypatch):
    with Index.create(index_dir) as index:
        gc.disable()
        try:
            with workers.indexing_gc(index._ix):
                assert not gc.isenabled()
            assert not gc.isenabled()
        finally:
            gc.enable()

        def broken(ix):
            raise OSError("no dictionaries")

        monkeypatch.setattr(workers, "warm_up", broken)
        with pytest.raises(OSError):
            with workers.indexing_gc(index._ix):
                pass
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_run_adds_its_documents_under_the_indexing_collector(make_corpus, index_dir, monkeypatch):
    seen = []
    add = workers.SegmentsWriter.add
    monkeypatch.setattr(workers.SegmentsWriter, "add", lambda *a: seen.append(gc.get_threshold()[0]) or add(*a))
    folder = make_corpus({"a.txt": SEED.read_text(encoding="utf-8"), "b.txt": "Kina dhe Rusia."})
    before = gc.get_threshold()
    with Index.create(index_dir) as index:
        assert index.add_folder(folder, processes=1).added == 2
    assert seen == [max(workers.GC_YOUNG_THRESHOLD, before[0])] * 2  # a higher threshold is kept (mypy sets one)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
