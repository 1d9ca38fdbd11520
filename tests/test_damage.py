"""Damaged index files: every kind of damage is named in one line with the way
out (`searchidx index --rebuild`), never a traceback, and --rebuild recovers
the index without reading what was damaged.

Before (issue 18): a truncated, random or empty table of contents made every
command crash, --rebuild included; a truncated or zero-filled posting file
or a truncated stored-fields column left `index` exiting 0 over a broken
index; a zero-filled length column silently changed the rankings; a damaged
searchidx.json said "no index at …".
"""

from __future__ import annotations

import json
import random
import shutil

import pytest
from typer.testing import CliRunner

from searchidx.cli import app

from conftest import CORPUS

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


# The posting file: searchidx's codec's (.cpst), or Whoosh's own (.pst).
POSTINGS = (".cpst", ".pst")


def one_file(index_dir, suffix):
    suffixes = POSTINGS if suffix == ".pst" else (suffix,)
    found = [p for p in index_dir.iterdir() if p.name.endswith(suffixes) and not p.name.startswith("columns.")]
    assert len(found) == 1, [p.name for p in index_dir.iterdir()]
    return found[0]


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def zero_fill(path):
    path.write_bytes(bytes(path.stat().st_size))


def randomise(path):
    path.write_bytes(random.Random(18).randbytes(path.stat().st_size))


def empty(path):
    path.write_bytes(b"")


def delete(path):
    path.unlink()


def edit_manifest(path):
    data = json.loads(path.read_text())
    next(iter(data["entries"].values()))[2] += 1  # a size, as if the file had not changed
    path.write_text(json.dumps(data))


def meta_naming_another_index(path):
    path.write_text(json.dumps({"schema_version": 0, "index_name": "R12345678"}))


# (case, file, damage, what the message names, whether only a cache is hit)
CASES = [
    ("toc truncated", ".toc", truncate, ".toc", False),
    ("toc random", ".toc", randomise, ".toc", False),
    ("toc empty", ".toc", empty, ".toc", False),
    ("toc missing", ".toc", delete, "table of contents", False),
    ("postings truncated", ".pst", truncate, "pst", False),
    ("postings zero-filled", ".pst", zero_fill, "pst", False),
    ("postings missing", ".pst", delete, "pst is missing", False),
    ("terms truncated", ".trm", truncate, ".trm", False),
    ("terms random", ".trm", randomise, ".trm", False),
    ("stored fields truncated", "._stored.col", truncate, "_stored.col", False),
    ("stored fields zero-filled", "._stored.col", zero_fill, "_stored.col", False),
    ("length column zero-filled", "._body_len.col", zero_fill, "_body_len.col", False),
    ("length column truncated", "._body_len.col", truncate, "_body_len.col", False),
    ("field lengths zero-filled", ".flen", zero_fill, ".flen", False),
    ("date column zero-filled", ".date.col", zero_fill, ".date.col", False),
    ("searchidx.json random", "searchidx.json", randomise, "searchidx.json", False),
    ("searchidx.json names no index", "searchidx.json", meta_naming_another_index, "R12345678", False),
    ("manifest truncated", "manifest.json", truncate, "manifest.json", True),
    ("manifest edited", "manifest.json", edit_manifest, "manifest.json", True),
    ("column cache damaged", "columns.dates.bin", randomise, "columns.dates.bin", True),
    ("checksum record damaged", "checksums.json", truncate, "checksums.json", True),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        shutil.copy(path, folder / path.name)
    index_dir = tmp_path_factory.mktemp("pristine") / "index"
    assert invoke("index", folder, "--index", index_dir, "--jobs", "1").exit_code == 0
    assert invoke("search", "Kina", "--index", index_dir, "--facets").exit_code == 0  # the column cache written
    expected = json.loads(invoke("search", "Kina", "--index", index_dir, "--json").stdout)
    return folder, index_dir, expected


def damaged_line(result, names):
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in result.output, result.output
    assert message.startswith("error: index at ") and " is damaged (" in message, message
    assert message.endswith("); run searchidx index --rebuild"), message
    assert names in message, message


@pytest.mark.slow
@pytest.mark.parametrize("case, target, damage, names, cache_only", CASES, ids=[c[0] for c in CASES])
def test_damage_is_named_and_rebuild_recovers(built, tmp_path, case, target, damage, names, cache_only):
    folder, pristine, expected = built
    index_dir = tmp_path / "index"
    shutil.copytree(pristine, index_dir)
    damage(one_file(index_dir, target) if target.startswith(".") else index_dir / target)

    result = invoke("check", "--index", index_dir)
    assert result.exit_code == 1, result.output
    damaged_line(result, names)

    search = invoke("search", "Kina", "--index", index_dir, "--json", "--facets")
    update = invoke("index", folder, "--index", index_dir, "--json")
    if cache_only:  # a cache is read as missing, and rebuilt
        assert search.exit_code == 0 and json.loads(search.stdout)["total"] == expected["total"]
        assert update.exit_code == 0, update.output
    else:
        assert search.exit_code == 1
        damaged_line(search, names)
        assert update.exit_code == 1, "index never exits 0 over a damaged index"
        damaged_line(update, names)

    rebuilt = invoke("index", folder, "--index", index_dir, "--rebuild", "--json")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert json.loads(rebuilt.stdout)["rebuilt"] is True
    after = json.loads(invoke("search", "Kina", "--index", index_dir, "--json").stdout)
    assert [h["path"] for h in after["hits"]] == [h["path"] for h in expected["hits"]]
    assert after["total"] == expected["total"]
    result = invoke("check", "--index", index_dir)
    assert result.exit_code == 0 and "the index is sound" in result.stdout, result.output


WITHOUT_RECORD = [
    "toc truncated",
    "toc random",
    "toc empty",
    "postings truncated",
    "terms random",
    "stored fields zero-filled",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", WITHOUT_RECORD)
def test_damage_is_named_without_checksums_too(built, tmp_path, case):
    """An index with no checksums to judge by (one from before them, or a run
    killed before recording them): a file that cannot be read is still
    named, found by reading the index as `searchidx check` does."""
    folder, pristine, _ = built
    _, target, damage, names, _ = next(c for c in CASES if c[0] == case)
    index_dir = tmp_path / "index"
    shutil.copytree(pristine, index_dir)
    (index_dir / "checksums.json").unlink()
    # Without the column cache, facets read every entity posting list: the
    # search reaches the damaged part (with it, a search that never reads
    # the damaged half answers correctly, and only `check` can tell).
    for cached in index_dir.glob("columns.*"):
        cached.unlink()
    damage(one_file(index_dir, target))
    search = invoke("search", "Kina", "--index", index_dir, "--facets")
    assert search.exit_code == 1, search.output
    damaged_line(search, "toc" if "toc" in case else "segment ")
    assert invoke("index", folder, "--index", index_dir, "--rebuild").exit_code == 0
    assert invoke("check", "--index", index_dir).exit_code == 0
