"""An index folder is code (Whoosh unpickles its files): it is created for its
owner alone, and one that another user owns, or that others may write to, is
refused with an explanation unless trusted explicitly.

Before (issue 18): a crafted index folder ran code on `search --facets` and
on `stats`; folders were created readable by all.
"""

from __future__ import annotations

import os
import pickle
import stat

import pytest
from typer.testing import CliRunner

from searchidx import Index
from searchidx.cli import app
from searchidx.errors import IndexUntrusted
from searchidx.index.store import index_exists

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


class Exploit:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture
def built(make_corpus, index_dir):
    folder = make_corpus({"a.txt": " date 2023 Kina dhe Rusia.", "b.txt": " date 2022 Kina sot."})
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    return index_dir


def test_a_new_index_folder_is_its_owners_alone(built):
    assert stat.S_IMODE(built.stat().st_mode) == 0o700
    assert stat.S_IMODE((built / "searchidx.lock").stat().st_mode) == 0o600


def test_an_index_of_another_user_is_refused_unless_trusted(built, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: built.stat().st_uid + 1)
    with pytest.raises(IndexUntrusted, match="belongs to .* not to you.*--trust"):
        Index.open(built)
    result = invoke("search", "Kina", "--index", built)
    assert result.exit_code == 1 and "\n" not in result.stderr.strip() and "--trust" in result.stderr
    assert invoke("search", "Kina", "--index", built, "--trust").exit_code == 0
    # Opening a hit searches the same index: it is refused and trusted alike.
    for opening in (["open", "Kina"], ["search", "Kina", "--open", "1"]):
        assert invoke(*opening, "--index", built).exit_code == 1, opening
        assert invoke(*opening, "--index", built, "--trust").exit_code == 0, opening
    monkeypatch.setenv("SEARCHIDX_TRUST", "1")
    assert invoke("stats", "--index", built).exit_code == 0


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_an_index_others_may_write_to_is_refused(built, mode):
    built.chmod(mode)
    try:
        with pytest.raises(IndexUntrusted, match="others may write"):
            Index.open(built)
        with Index.open(built, trust=True) as index:
            assert index.search("Kina").total == 2
    finally:
        built.chmod(0o700)


def test_a_crafted_table_of_contents_in_an_untrusted_folder_never_runs(built, tmp_path):
    marker = tmp_path / "ran"
    toc = next(p for p in built.iterdir() if p.name.endswith(".toc"))
    toc.write_bytes(pickle.dumps(Exploit(marker)))
    built.chmod(0o777)  # as a folder shared with others would be
    try:
        assert index_exists(built)  # told from names alone
        for command in (["search", "Kina", "--facets"], ["stats"], ["check"], ["index", tmp_path]):
            result = invoke(*command, "--index", built)
            assert result.exit_code == 1 and "refusing the index" in result.stderr, result.output
        assert not marker.exists()
    finally:
        built.chmod(0o700)
