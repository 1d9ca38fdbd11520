"""The writer's one-pass path for the article text (searchidx.codec.writer's
add_document, ArrayPositions.indexed_values, TermPool.add_postings) and for
the entity names given as counts (writer.counted_terms) writes byte for byte
the segment Whoosh's own path writes: one posting at a time, from the
analyzer chain or Whoosh's tokens of a list (the counts as a list, each name repeated)."""

from __future__ import annotations

import hashlib
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

import searchidx.codec.formats as formats
import searchidx.codec.writer as writer
from analyzers.tokenizer import MAX_TOKEN_CHARS
from searchidx import Index
from searchidx.codec.pool import TermPool

from conftest import LAJMI, SEED

ODD = {
    "odd/empty.txt": "",
    "odd/overlong.txt": "2023-10-17 Fjala " + "a" * (MAX_TOKEN_CHARS + 5) + " pas saj, OKB-së s'ka t’i.",
    "odd/overlong-last.txt": "Kina dhe Rusia " + "b" * (MAX_TOKEN_CHARS + 1),
    "odd/nfd.txt": "Kine\u0308s dhe Kinës: https://lajmi.net/a?b=1 info@lajmi.net #Kosova 3,5",
    # a source signature closing the article: the edge field has a value
    # without ../shared/data's articles too
    "odd/signed.txt": "Kina dhe Rusia nënshkruan një marrëveshje në Pekin sot.\n\n/Lajmi.net/",
}
RECORDS = '{"id": "1", "title": "Kina dhe Rusia", "text": "Presidenti Vladimir Putin arriti në Pekin."}\n'


def _corpus(root: Path) -> Path:
    root.mkdir()
    shutil.copy(SEED, root / SEED.name)
    if LAJMI.is_dir():
        for path in sorted(LAJMI.iterdir())[:60]:
            shutil.copy(path, root / path.name)
    for name, text in ODD.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "feed.jsonl").write_text(RECORDS, encoding="utf-8")
    return root


def _segment_files(index_dir: Path) -> dict[str, list[str]]:
    """Each segment file's digest, by its kind (segment names are random)."""
    found = defaultdict(list)
    for path in index_dir.iterdir():
        name = path.name
        if "." in name and not name.endswith((".toc", ".json", ".lock")) and path.is_file():
            found[name.split(".", 1)[1]].append(hashlib.sha256(path.read_bytes()).hexdigest())
    return {kind: sorted(digests) for kind, digests in found.items()}


@pytest.mark.parametrize("processes", [1, 2])
def test_one_pass_writes_the_segments_whooshs_path_writes(tmp_path, monkeypatch, processes):
    folder = _corpus(tmp_path / "corpus")
    added = []
    add_postings, add_counts = TermPool.add_postings, TermPool.add_counts
    monkeypatch.setattr(TermPool, "add_postings", lambda *a: added.append(a[1]) or add_postings(*a))
    monkeypatch.setattr(TermPool, "add_counts", lambda *a: added.append(a[1]) or add_counts(*a))
    with Index.create(tmp_path / "one-pass") as index:
        index.add_folder(folder, processes=processes)
    if processes == 1:
        # the one-pass paths ran (workers are forked: their calls are not seen)
        assert {"body", "person", "place", "edge"} <= set(added)
    # Whoosh's path: no analyzer is taken for the Albanian one, no list counted apart.
    monkeypatch.setattr(formats, "is_albanian_analyzer", lambda analyzer: False)
    monkeypatch.setattr(writer, "counted_terms", lambda value, format_: None)
    with Index.create(tmp_path / "whoosh") as index:
        index.add_folder(folder, processes=processes)
    one_pass, whoosh = _segment_files(tmp_path / "one-pass"), _segment_files(tmp_path / "whoosh")
    assert {"trm", "cpst", "_stored.col", "flen"} <= set(one_pass)
    assert one_pass == whoosh
