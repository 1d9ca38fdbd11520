"""The one cache folder and the one atomic write (analyzers.files) that the
analysis's caches and the index share."""

from __future__ import annotations

import os
import pickle
import tempfile

import pytest

from analyzers.files import cache_dir, write_atomically


def test_the_cache_folder_follows_searchidx_cache_then_xdg_then_home(tmp_path, monkeypatch):
    assert cache_dir({"SEARCHIDX_CACHE": str(tmp_path / "c"), "XDG_CACHE_HOME": "/x"}) == tmp_path / "c"
    # XDG's convention: a program keeps its cache in a folder of its own there.
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "searchidx"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir({}) == tmp_path / "home" / ".cache" / "searchidx"


def test_the_stem_table_and_the_gazetteer_are_cached_in_the_same_folder(tmp_path, monkeypatch):
    """They once read two variables (SEARCHIDX_CACHE_DIR, SEARCHIDX_CACHE) and
    put XDG_CACHE_HOME's cache in two places."""
    from analyzers import lexicon
    from analyzers.entities import gazetteer

    monkeypatch.delenv("SEARCHIDX_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folders = {lexicon._cache_path("1.0").parent, gazetteer._cache_path({"a": "1"}).parent}
    assert folders == {tmp_path / "searchidx"}


def test_an_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "f.json"
    write_atomically(target, "old\n")
    write_atomically(target, b"new\n")
    assert target.read_bytes() == b"new\n" and os.listdir(tmp_path) == ["f.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    target.write_text("old\n")
    make_temporary = tempfile.mkstemp

    def unwritable(*args, **kwargs):
        fd, name = make_temporary(*args, **kwargs)
        os.close(fd)
        return os.open(name, os.O_RDONLY), name

    monkeypatch.setattr("analyzers.files.tempfile.mkstemp", unwritable)
    with pytest.raises(OSError):
        write_atomically(target, "new\n")
    assert target.read_text() == "old\n" and os.listdir(tmp_path) == ["f.json"]


def test_a_written_file_is_as_readable_as_its_folder(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    write_atomically(private / "f", "x")
    assert (private / "f").stat().st_mode & 0o777 == 0o600
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    write_atomically(shared / "f", "x")
    assert (shared / "f").stat().st_mode & 0o777 == 0o644


class _TouchOnUnpickling:
    """A pickle that creates a file when loaded: what a planted cache could run."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        from pathlib import Path

        return Path.touch, (self.marker,)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners on this system")
@pytest.mark.pure_python
def test_a_cached_gazetteer_others_may_write_to_is_not_unpickled(tmp_path, monkeypatch):
    """The gazetteer's cache is a pickle, and unpickling runs code: one that
    another user could have written (a shared $SEARCHIDX_CACHE) is built
    anew instead of loaded; the same file closed to others is loaded."""
    import pickle
    from types import SimpleNamespace

    from analyzers.entities import gazetteer

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SEARCHIDX_CACHE", str(folder))
    built = SimpleNamespace(built=True)
    monkeypatch.setattr(gazetteer, "build", lambda versions: built)
    path = gazetteer._cache_path(gazetteer.source_versions())
    marker = tmp_path / "ran"
    for mode, runs in ((0o666, False), (0o620, False), (0o644, True)):
        marker.unlink(missing_ok=True)
        path.write_bytes(pickle.dumps(_TouchOnUnpickling(marker)))
        os.chmod(path, mode)
        monkeypatch.setattr(gazetteer, "_loaded", None)
        assert gazetteer.load() is built  # not a Gazetteer either way: built anew
        assert marker.exists() == runs, oct(mode)


def test_the_gazetteer_cache_is_read_back_from_a_group_writable_folder(tmp_path, monkeypatch):
    """A user whose umask is 002 (a group of their own) has group-writable
    folders: the table is written closed to the group, so it is read back
    rather than built by every process."""
    from analyzers.entities import gazetteer

    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o775)
    monkeypatch.setenv("SEARCHIDX_CACHE", str(folder))
    monkeypatch.setattr(gazetteer, "_loaded", None)
    first = gazetteer.load()
    monkeypatch.setattr(gazetteer, "build", lambda versions: pytest.fail("built again, not read from the cache"))
    monkeypatch.setattr(gazetteer, "_loaded", None)
    assert gazetteer.load().entries.keys() == first.entries.keys()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_gazetteer_is_unpickled_with_the_collector_paused_then_as_it_was(monkeypatch, enabled):
    import gc

    from analyzers.entities import gazetteer

    gazetteer.load()  # the cached tables exist
    versions = gazetteer.source_versions()
    during = []
    unpickle = pickle.loads
    monkeypatch.setattr(gazetteer.pickle, "loads", lambda data: during.append(gc.isenabled()) or unpickle(data))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        gaz = gazetteer._read_cache(gazetteer._cache_path(versions), versions)
        after = gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert isinstance(gaz, gazetteer.Gazetteer)
    assert during == [False]
    assert after == enabled
