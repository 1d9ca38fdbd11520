"""Incremental indexing: only what changed is read; the index follows the folder exactly."""

import json
import os
import time

import pytest
from typer.testing import CliRunner

import searchidx.index.indexer as indexer
from searchidx import Index, IndexVersionMismatch
from searchidx.cli import app
from searchidx.index.manifest import MANIFEST_FILE
from searchidx.index.store import read_meta

from conftest import rewrite_meta

runner = CliRunner()


def article(n: int, extra: str = "") -> str:
    return f" date 2021-03-{n % 28 + 1:02d} Artikulli numër {n} flet për Prishtinën dhe Tiranën.{extra}"


def indexed_keys(index_dir) -> list[str]:
    """Every key in the index, duplicates kept (a consistency check needs them)."""
    with Index.open(index_dir, check_versions=False) as index, index._ix.searcher() as searcher:
        return sorted(fields["key"] for fields in searcher.all_stored_fields())


def age(folder, seconds=60):
    """Backdates every file, as if written a minute ago (out of the racy window)."""
    past = time.time() - seconds
    for path in folder.rglob("*.txt"):
        os.utime(path, (past, past))


@pytest.fixture
def folder(make_corpus):
    folder = make_corpus({f"{n:02d}.txt": article(n) for n in range(10)})
    age(folder)
    return folder


def test_an_unchanged_folder_is_checked_without_reading_a_file(folder, index_dir, monkeypatch):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    reads = []
    monkeypatch.setattr(indexer, "read_bytes", lambda *a, **k: reads.append(a) or pytest.fail("read"))
    with Index.open(index_dir) as index:
        summary = index.add_folder(folder)
    assert (summary.unchanged, summary.read, summary.added, summary.removed) == (10, 0, 0, 0)
    assert reads == []


def test_a_touched_file_is_hashed_but_not_reindexed(folder, index_dir):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        generation = index._ix.latest_generation()
        (folder / "03.txt").touch()
        summary = index.add_folder(folder)
        assert (summary.unchanged, summary.updated, summary.read) == (10, 0, 1)
        assert index._ix.latest_generation() == generation  # nothing committed


def test_added_changed_removed_and_renamed_files(folder, index_dir):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        (folder / "01.txt").write_text(article(1, " Ndryshuar."), encoding="utf-8")
        (folder / "02.txt").unlink()
        (folder / "03.txt").rename(folder / "tre.txt")
        (folder / "ri.txt").write_text(article(99), encoding="utf-8")
        summary = index.add_folder(folder)
    assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (1, 1, 1, 7)
    assert summary.renamed == [("03.txt", "tre.txt")]
    expected = sorted(str(p.resolve()) for p in folder.glob("*.txt"))
    assert indexed_keys(index_dir) == expected


def test_several_folders_share_one_index_and_keep_their_own_files(make_corpus, index_dir):
    one = make_corpus({"a.txt": article(1), "same.txt": article(2)}, name="one")
    two = make_corpus({"b.txt": article(3), "same.txt": article(4)}, name="two")
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folders([one, two])
        assert summary.added == 4
        (two / "b.txt").unlink()
        index.add_folder(one)  # folder two is not named: its files stay
        assert index.document_count() == 4
        index.add_folder(two)
        assert index.document_count() == 3
    assert len(indexed_keys(index_dir)) == len(set(indexed_keys(index_dir))) == 3


def test_nested_folders_are_refused(make_corpus, index_dir):
    outer = make_corpus({"a.txt": article(1), "inner/b.txt": article(2)})
    with Index.open_or_create(index_dir) as index, pytest.raises(Exception, match="overlap"):
        index.add_folders([outer, outer / "inner"])


def test_a_stale_manifest_is_rebuilt_from_the_index(folder, index_dir):
    """As after a crash between the index's commit and the manifest's write."""
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    (index_dir / MANIFEST_FILE).write_text("{}")
    (folder / "05.txt").unlink()
    with Index.open(index_dir) as index:
        summary = index.add_folder(folder)
    assert (summary.removed, summary.unchanged, summary.added) == (1, 9, 0)
    assert len(indexed_keys(index_dir)) == 9


def test_workers_and_a_single_process_build_the_same_index(make_corpus, tmp_path):
    files = {f"{n:03d}.txt": article(n, " Kina dhe Rusia.") for n in range(indexer.PARALLEL_MIN_FILES + 5)}
    folder = make_corpus(files)
    counts = {}
    for processes in (1, 2):
        with Index.open_or_create(tmp_path / f"ix{processes}") as index:
            index.add_folder(folder, processes=processes)
            with index._ix.searcher() as searcher:
                counts[processes] = (
                    index.document_count(),
                    searcher.doc_frequency("body", "kin"),
                    sorted(f["key"] for f in searcher.all_stored_fields()),
                )
    assert counts[1] == counts[2]
    assert counts[2][0] == len(files)


@pytest.mark.slow
def test_workers_number_the_documents_the_same_in_every_run(make_corpus, tmp_path):
    """Articles that score the same are listed in document order, so a
    rebuild must number them as the last build did, whichever worker is
    faster. Dealing the batches in turn and committing the segments in
    worker order makes the numbering a function of the files alone."""
    files = {f"{n:03d}.txt": article(n, " Kina dhe Rusia.") for n in range(indexer.PARALLEL_MIN_FILES * 3)}
    folder = make_corpus(files)
    orders = []
    for run in range(3):
        with Index.open_or_create(tmp_path / f"ix{run}") as index:
            index.add_folder(folder, processes=2)
            with index._ix.searcher() as searcher:
                orders.append([searcher.stored_fields(d)["path"] for d in range(searcher.doc_count_all())])
                assert len(list(searcher.reader().leaf_readers())) == 2
    assert orders[0] == orders[1] == orders[2]
    # Batches of BATCH_FILES sorted files dealt in turn; worker 0's segment first.
    from searchidx.index.workers import BATCH_FILES

    batches = [sorted(files)[start : start + BATCH_FILES] for start in range(0, len(files), BATCH_FILES)]
    assert orders[0] == [name for batch in batches[0::2] + batches[1::2] for name in batch]


def test_segments_are_written_as_separate_files_not_one_compound_file(make_corpus, tmp_path):
    """Whoosh reads a compound segment file by copying each part it opens
    into memory (BytesIO over the mapped file): a first search on 20,000
    articles grew the process by 281 MB, against 40 MB with separate files.
    Every way of writing (one process, workers, optimize) writes separate files."""
    files = {f"{n:03d}.txt": article(n, " Kina dhe Rusia.") for n in range(indexer.PARALLEL_MIN_FILES + 5)}
    folder = make_corpus(files)
    for processes in (1, 2):
        with Index.open_or_create(tmp_path / f"ix{processes}") as index:
            index.add_folder(folder, processes=processes)
            assert not any(segment.is_compound() for segment in index._ix._segments())
            (folder / "extra.txt").write_text(article(999), encoding="utf-8")
            index.add_folder(folder, processes=processes)
            index.optimize()
            assert [segment.is_compound() for segment in index._ix._segments()] == [False]
            (folder / "extra.txt").unlink()
    assert not list((tmp_path / "ix2").glob("*.seg"))


def test_rebuild_starts_over_from_the_named_folders(folder, make_corpus, index_dir):
    other = make_corpus({"x.txt": article(7)}, name="other")
    with Index.open_or_create(index_dir) as index:
        index.add_folders([folder, other])
        summary = index.add_folder(folder, rebuild=True)
        assert summary.rebuilt and summary.added == 10
        assert index.document_count() == 10
    whoosh_files = [p.name for p in index_dir.iterdir() if p.name.endswith(".toc")]
    assert len(whoosh_files) == 1, "the old index's files are gone"


# sq-24: the version before this one, whose entity fields sq-25's rules change
@pytest.mark.parametrize("old_version", ["sq-0", "sq-24"])
def test_an_index_of_another_analyzer_is_never_updated_only_rebuilt(folder, index_dir, old_version):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
    rewrite_meta(index_dir, analyzer_version=old_version)
    with Index.open(index_dir, check_versions=False) as index:
        with pytest.raises(IndexVersionMismatch, match="--rebuild"):
            index.add_folder(folder)
        result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir)])
        assert result.exit_code == 1 and old_version in result.stderr and "--rebuild" in result.stderr
        result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir), "--rebuild"])
        assert result.exit_code == 0, result.output
    assert read_meta(index_dir).mismatch() is None
    assert len(indexed_keys(index_dir)) == 10


def test_the_cli_summary_names_renames_and_skips(folder, index_dir):
    runner.invoke(app, ["index", str(folder), "--index", str(index_dir)])
    (folder / "00.txt").rename(folder / "zero.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["renamed"] == [{"from": "00.txt", "to": "zero.txt"}]
    assert data["warnings"] == 1 and data["skipped"] == [{"path": "bad.txt", "reason": "binary file"}]
    assert data["documents"] == 10
