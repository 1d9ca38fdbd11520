"""Bad files are reported with their reasons and skipped; the rest is unharmed."""

import os

import pytest
from typer.testing import CliRunner

from searchidx import Index
from searchidx.cli import app

runner = CliRunner()
GOOD = " date 2022-05-01 Një artikull i mirë për Shkodrën."


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def messy(make_corpus, tmp_path):
    folder = make_corpus(
        {
            "good.txt": GOOD,
            "emër me hapësira, ë dhe “thonjëza”.txt": GOOD + " Dy.",
            "-dash.txt": GOOD + " Tre.",
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
            "latin1.txt": "Kinës".encode("latin-1"),
            "empty.txt": b"",
            "big.txt": (GOOD + "\n\n") * 40_000,  # about 2.4 MB
        }
    )
    (tmp_path / "outside.txt").write_text(GOOD, encoding="utf-8")
    (folder / "outside-link.txt").symlink_to(tmp_path / "outside.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "inside-link.txt").symlink_to(folder / "good.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # a folder link that would loop
    os.mkfifo(folder / "pipe.txt")
    (folder / "new\nline.txt").write_text(GOOD, encoding="utf-8")
    os.makedirs(os.fsencode(folder), exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as file:  # a Latin-1 file name
        file.write(GOOD.encode("utf-8"))
    return folder


def test_every_bad_file_is_reported_with_its_reason(messy, index_dir):
    result = invoke("index", messy, "--index", index_dir, "--max-size", "1", "--json")
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    reasons = {s["path"]: s["reason"] for s in data["skipped"]}
    assert reasons["binary.txt"] == "binary file"
    assert reasons["latin1.txt"].startswith("invalid UTF-8")
    assert reasons["empty.txt"] == "empty file"
    assert reasons["big.txt"].startswith("larger than the size limit")
    assert reasons["outside-link.txt"] == "symbolic link points outside the folder"
    assert reasons["loop-a.txt"] == reasons["loop-b.txt"] == "symbolic link loop"
    assert reasons["sub/up"] == "symbolic link to a folder (not followed)"
    assert reasons["pipe.txt"] == "not a regular file"
    assert reasons["new\\nline.txt"] == "file name holds control characters"  # escaped: one line
    assert reasons["caf\\xe9.txt"] == "file name is not valid UTF-8"
    assert data["warnings"] == len(reasons) == 11
    assert data["added"] == 4  # good, the odd-but-valid names, and the link inside the folder
    assert data["documents"] == 4


@pytest.mark.slow
def test_the_size_limit_is_configurable(messy, index_dir):
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(messy, max_bytes=10 * 1024 * 1024)
    assert "big.txt" not in {s.path for s in summary.skipped}
    assert summary.added == 5


def test_a_file_turning_bad_is_removed_and_the_rest_kept(make_corpus, index_dir):
    folder = make_corpus({"a.txt": GOOD, "b.txt": GOOD + " B."})
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        (folder / "b.txt").write_bytes(b"\xff\xfe bad")
        summary = index.add_folder(folder)
        assert summary.removed == 1 and summary.skipped[0].path == "b.txt"
        assert index.document_count() == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_skipped(make_corpus, index_dir):
    folder = make_corpus({"a.txt": GOOD, "secret.txt": GOOD})
    (folder / "secret.txt").chmod(0)
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(folder)
    assert summary.skipped[0].reason.startswith("cannot read")


def test_nothing_indexable_exits_non_zero_and_keeps_the_index(make_corpus, index_dir):
    good = make_corpus({"a.txt": GOOD}, name="good")
    bad = make_corpus({"x.txt": b"\x00", "y.txt": b""}, name="bad")
    assert invoke("index", good, "--index", index_dir).exit_code == 0
    result = invoke("index", bad, "--index", index_dir)
    assert result.exit_code == 1
    assert "no file could be indexed" in result.stderr
    assert "x.txt: binary file" in result.stdout
    with Index.open(index_dir) as index:
        assert index.document_count() == 1
