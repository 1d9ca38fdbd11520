"""The document table's columns kept beside the index: read by the next
process, and never answering for an index that has changed since."""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import replace

import pytest

import searchidx.index.doctable as doctable
from searchidx import Index
from searchidx.index.column_cache import ColumnCache, _decode

from conftest import add_documents, brute_force, build_index, random_docs

COLUMNS = ["dates", "entities-person", "entities-place", "entities-org", "entity-rows", "signatures"]
# A search with few matches (an eighth of the articles or fewer): its facets
# count each match's own values (the "entity-rows" column), where "nafta"'s
# many matches are counted by each value's articles.
FEW = ("gazi", ["vend:Kina", "data:2016..2020"])


def counts(index: Index, query: str = "nafta", filters=()):
    """Every facet count of a search, and its total, as plain values."""
    results = index.search(query, filters=filters, facets=True, limit=5)
    dates = results.facets.date
    entities = {name: [(v.value, v.count) for v in values] for name, values in results.facets.entities.items()}
    return results.total, [(v.value, v.count) for v in dates.years], dates.undated, entities


def read_every_column(index: Index) -> None:
    """Searches that read (and cache) every column."""
    counts(index)
    counts(index, *FEW)


def assert_brute_force(index: Index, query: str = "nafta", filters=()):
    total, years, undated, entities = counts(index, query, filters)
    b_total, b_years, _, b_undated, b_entities = brute_force(index, query, filters)
    assert (total, dict(years), undated) == (b_total, dict(b_years), b_undated)
    for name, values in entities.items():
        assert dict(values) == dict(b_entities[name].most_common(len(values)))


def forbid_reading_columns(monkeypatch):
    """Reading a column from Whoosh now fails: only the cache can answer."""

    def refuse(*args, **kwargs):
        raise AssertionError("a column was read from the index, not from the cache")

    monkeypatch.setattr(doctable, "leaf_field_docs", refuse)
    monkeypatch.setattr(doctable, "find_signatures", refuse)
    monkeypatch.setattr(doctable.DocTable, "_read_dates", refuse)


def more_docs():
    """40 more articles, named apart from random_docs(150)'s."""
    return [(f"more-{name}", *rest) for name, *rest in random_docs(40, seed=11)]


@pytest.fixture
def index_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    path = tmp_path / "index"
    build_index(path, random_docs(150)).close()
    return path


def test_the_next_process_reads_the_columns_from_the_cache(index_dir, monkeypatch):
    with Index.open(index_dir) as index:
        first = counts(index)
        with_filter = counts(index, *FEW)
    assert all((index_dir / f"columns.{name}.bin").is_file() for name in COLUMNS)
    forbid_reading_columns(monkeypatch)
    with Index.open(index_dir) as index:
        assert counts(index) == first
        assert counts(index, *FEW) == with_filter
        assert_brute_force(index)


@pytest.mark.parametrize("change", ["add", "delete", "optimize"])
def test_a_changed_index_is_never_answered_from_the_cache(index_dir, change):
    with Index.open(index_dir) as index:
        before = counts(index)
    with Index.open(index_dir) as index:
        if change == "add":
            add_documents(index, more_docs())
        else:
            keys = [hit.key for hit in index.search("nafta", limit=3).hits]
            with index._ix.writer() as writer:
                for key in keys:
                    writer.delete_by_term("key", key)
            if change == "optimize":
                index._ix.optimize()
    with Index.open(index_dir) as index:
        after = counts(index)
        assert after != before
        assert_brute_force(index)
        assert_brute_force(index, "gazi", ["data:2019..2022"])


def test_a_search_session_reads_the_new_columns_after_the_index_changes(index_dir):
    with Index.open(index_dir) as index:
        before = counts(index)
        add_documents(index, more_docs())
        assert counts(index) != before
        assert_brute_force(index)


@pytest.mark.parametrize("damage", [b"", b"not JSON", "zero-filled body", "an array too long", None])
def test_a_damaged_or_foreign_cache_file_is_read_again(index_dir, damage):
    with Index.open(index_dir) as index:
        expected = counts(index), counts(index, *FEW)
        state = cache_of(index).state
    for name in COLUMNS:
        path = index_dir / f"columns.{name}.bin"
        header, body = path.read_bytes().split(b"\n", 1)
        parts, arrays = _decode(body)
        if damage is None:  # a whole file, of another index state
            ColumnCache(index_dir, ("R00000000", 1, (), 0, 0)).save(name, parts, arrays)
        elif damage == "zero-filled body":  # the header names this state; the column is gone
            path.write_bytes(header + b"\n" + bytes(len(body)))
        elif damage == "an array too long":  # a whole file of this state that says more than it holds
            cache = ColumnCache(index_dir, ())
            cache.state = state
            first = next(iter(arrays))
            cache.save(name, parts, arrays)
            whole = path.read_bytes()
            line_end = whole.index(b"\n", whole.index(b"\n") + 1)
            described = json.loads(whole[whole.index(b"\n") + 1 : line_end])
            described["arrays"][0][2] += 10**6
            assert described["arrays"][0][0] == first
            edited = json.dumps(described).encode()
            rest = whole[whole.index(b"\n") + 1 :]
            rest = edited + rest[rest.index(b"\n") :]
            header_line = json.dumps({"state": state, "crc32": zlib.crc32(rest)}).encode()
            path.write_bytes(header_line + b"\n" + rest)
        else:
            path.write_bytes(damage)
    with Index.open(index_dir) as index:
        assert (counts(index), counts(index, *FEW)) == expected
        assert_brute_force(index)
        assert_brute_force(index, *FEW)


def cache_of(index: Index) -> ColumnCache:
    with index._ix.reader() as reader:
        return ColumnCache.for_reader(index._ix, reader)


def test_a_file_written_by_other_code_is_not_read(index_dir, monkeypatch):
    with Index.open(index_dir) as index:
        counts(index)
        written = cache_of(index)
        assert written.load("dates") is not None
        monkeypatch.setattr("searchidx.index.column_cache.code_fingerprint", lambda: "edited")
        edited = cache_of(index)
    assert edited.state != written.state and edited.load("dates") is None


def test_a_folder_that_cannot_take_the_cache_still_searches(index_dir, monkeypatch):
    import tempfile

    make_temporary = tempfile.mkstemp

    def unwritable(*args, **kwargs):  # the file is made, writing it fails
        fd, name = make_temporary(*args, **kwargs)
        os.close(fd)
        return os.open(name, os.O_RDONLY), name

    monkeypatch.setattr("analyzers.files.tempfile.mkstemp", unwritable)
    with Index.open(index_dir) as index:
        assert_brute_force(index)
    assert not list(index_dir.glob("*columns.*"))


def test_cache_files_are_as_readable_as_the_index_folder(index_dir):
    with Index.open(index_dir) as index:
        read_every_column(index)
    folder_mode = index_dir.stat().st_mode & 0o666
    for name in COLUMNS:
        assert (index_dir / f"columns.{name}.bin").stat().st_mode & 0o777 == folder_mode


class Exploit:
    """A pickle that, when loaded, creates a file: what a crafted index
    folder did to `searchidx search --facets` before the cache was JSON."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_pickle_in_the_index_folder_is_never_loaded(index_dir, tmp_path):
    import pickle

    marker = tmp_path / "ran"
    with Index.open(index_dir) as index:
        read_every_column(index)  # and cached
        state = cache_of(index).state
    for name in COLUMNS:
        (index_dir / f"columns.{name}.bin").unlink(missing_ok=True)
        with open(index_dir / f"columns.{name}.pickle", "wb") as f:
            pickle.dump(state, f)
            pickle.dump(Exploit(marker), f)
    with Index.open(index_dir) as index:
        read_every_column(index)
    assert not marker.exists()


def test_files_of_the_json_version_are_replaced(index_dir):
    with Index.open(index_dir) as index:
        read_every_column(index)
    for name in COLUMNS:
        (index_dir / f"columns.{name}.bin").unlink()
        (index_dir / f"columns.{name}.json").write_text('{"state": []}\n{}', encoding="utf-8")
    with Index.open(index_dir) as index:
        assert_brute_force(index)
        assert_brute_force(index, *FEW)
    assert sorted(p.name for p in index_dir.glob("columns.*")) == sorted(f"columns.{name}.bin" for name in COLUMNS)


def test_opening_articles_reads_no_signatures_from_the_index(index_dir, monkeypatch):
    """The reading view takes the folders' signatures from the search
    session's table (cached beside the index), not from every entity posting
    list of the index for each article opened (half a second at 200,000)."""
    import searchidx.index.entities as entities

    with Index.open(index_dir) as index:
        counts(index)
        keys = [hit.key for hit in index.search("nafta", limit=3).hits]
        before = [index.article(key, "nafta") for key in keys]
    assert keys and any(article.entities for article in before)
    forbid_reading_columns(monkeypatch)

    def refuse(*args, **kwargs):
        raise AssertionError("the signatures were found anew in the index")

    monkeypatch.setattr(entities, "_find_signatures", refuse)
    with Index.open(index_dir) as index:
        assert [index.article(key, "nafta") for key in keys] == before
        assert [index.article(key) for key in keys] == [replace(article, matches=[]) for article in before]
