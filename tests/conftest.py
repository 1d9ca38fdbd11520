"""Shared fixtures: small corpora written on the fly, and the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "000_e185dff3de51abe2.txt"
# Real Albanian text beside the project's root (also in CI); never copied in.
SHARED_DATA = REPO.parent / "shared" / "data"
LAJMI = SHARED_DATA / "news-dev" / "lajmi"


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Writes {relative name: text or bytes} below folder and returns it."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def make_corpus(tmp_path):
    """Returns a function writing a corpus folder from {name: content}."""

    def make(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        return write_files(tmp_path / name, files)

    return make


@pytest.fixture
def index_dir(tmp_path, monkeypatch) -> Path:
    """An index folder of the test's own; $SEARCHIDX_INDEX cleared."""
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    return tmp_path / "index"


def needs_shared_data(folder: Path):
    return pytest.mark.skipif(not folder.is_dir(), reason=f"{folder} not present")


def rewrite_meta(index_dir: Path, **changes) -> None:
    """Rewrites searchidx.json as another version of searchidx would have
    written it: with other values, and without this version's checksum."""
    import json

    path = Path(index_dir) / "searchidx.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("checksum", None)
    data.update(changes)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
