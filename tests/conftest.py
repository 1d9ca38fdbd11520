"""Shared fixtures: small corpora written on the fly, and the shared data."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "000_e185dff3de51abe2.txt"
# Real Albanian text beside the project's root (also in CI); never copied in.
SHARED_DATA = REPO.parent / "shared" / "data"
LAJMI = SHARED_DATA / "news-dev" / "lajmi"

# The seed article's people, places and organisations, with how often each is
# mentioned: what extraction finds in it and what its index entry holds.
SEED_PEOPLE = {"Vladimir Putin": 7, "Xi Jinping": 3, "Antonio Guterres": 1}
SEED_PLACES = {
    "Kina": 11,
    "Moska": 5,
    "Pekin": 3,
    "Rusia": 3,
    "Ukraina": 4,
    "Izrael": 2,
    "Iran": 1,
    "Siria": 1,
    "Uashington": 1,
    "Shtetet e Bashkuara": 1,
    "Lindja e Mesme": 1,
    "Zambia": 1,
    "Shri Lanka": 1,
    "Bashkimi Sovjetik": 1,
    "Azia Qendrore": 1,
}
SEED_ORGS = {"Kombet e Bashkuara": 1, "Hamas": 1}


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


@pytest.fixture(scope="session")
def lajmi_index(tmp_path_factory):
    """An index of news-dev/lajmi's 499 articles, built once for every test that reads it."""
    from searchidx import Index

    with Index.create(tmp_path_factory.mktemp("lajmi")) as index:
        summary = index.add_folder(LAJMI)
        assert summary.added == 499 and not summary.skipped
        yield index


def rewrite_meta(index_dir: Path, **changes) -> None:
    """Rewrites searchidx.json as another version of searchidx would have
    written it: with other values, and without this version's checksum."""
    import json

    path = Path(index_dir) / "searchidx.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("checksum", None)
    data.update(changes)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


# Small indexes written straight into Whoosh, entities given, for the tests of
# search, filters, facets and ranking.

# (name, date or None, body, {entity field: [names]})
DOCS = [
    ("feb.txt", "2024-02-10", "Tregu i naftës u rrit në shkurt.", {"place": ["Kina"], "person": ["Vladimir Putin"]}),
    ("feb-end.txt", "2024-02-28", "Tregu i naftës ra.", {"place": ["Rusia"]}),
    ("march.txt", "2024-03-05", "Tregu i naftës në mars.", {"place": ["Kina", "Rusia"]}),
    ("feb-month.txt", "2024-02", "Tregu i naftës gjatë muajit.", {"org": ["OKB"]}),
    ("year-2024.txt", "2024", "Tregu i naftës gjatë vitit.", {"person": ["Xi Jinping"]}),
    ("june-2022.txt", "2022-06-15", "Tregu i naftës dhe gazit.", {"place": ["Kinë"], "org": ["NATO"]}),
    ("july-2023.txt", "2023-07-01", "Gazi dhe tregu i naftës.", {"org": ["OKB", "NATO"]}),
    ("undated.txt", None, "Tregu i naftës pa datë.", {"person": ["Putin"]}),
    ("other.txt", "2023-07-02", "Kombëtarja fitoi ndeshjen.", {"place": ["Kina"]}),
]


def add_documents(index, docs, root: str = "/corpus", merge: bool = True) -> None:
    """Writes documents straight into the index, entities given rather than
    extracted; merge=False keeps them in a segment of their own."""
    from searchidx.dates import parse_date
    from searchidx.index.schema import ENTITY_FIELDS

    writer = index._ix.writer()
    for name, date_text, body, entities in docs:
        fields = {
            "key": f"{root}/{name}",
            "path": name,
            "root": root,
            # As the indexer writes a text file: its first sentence shown as
            # the title, not indexed as one (searchidx.index.indexer.document_fields).
            "title": "",
            "_stored_title": body.split(".")[0] + ".",
            "body": body,
            "content_hash": name,
            "size": len(body),
            "mtime": 0.0,
        }
        if date_text:
            date = parse_date(date_text)
            fields.update(date=date.start, date_text=str(date), date_precision=date.precision)
        for field in ENTITY_FIELDS:
            if entities.get(field):
                fields[field] = ",".join(entities[field])
        writer.add_document(**fields)
    writer.commit(merge=merge)


def build_index(path: Path, docs=DOCS):
    """An index of docs (DOCS by default) at path, opened."""
    from searchidx import Index

    index = Index.create(path)
    add_documents(index, docs)
    return Index.open(path)


@pytest.fixture
def sample_index(tmp_path, monkeypatch):
    """An open index of DOCS, in the test's own folder."""
    monkeypatch.delenv("SEARCHIDX_INDEX", raising=False)
    with build_index(tmp_path / "index") as opened:
        yield opened


WORDS = "tregu nafta gazi qeveria buxheti shkolla spitali rruga".split()
# Nehammeri is the definite form of Nehammer, which the index also holds:
# facets count both under Nehammer. Bardhi has no bare Bardh: it stays.
PEOPLE = ["Vladimir Putin", "Xi Jinping", "Albin Kurti", "Edi Rama", "Nehammer", "Nehammeri", "Bardhi"]
MERGED = {"Nehammeri": "Nehammer"}
PLACES = ["Kina", "Rusia", "Kosova", "Shqipëria", "Serbia"]
ORGS = ["OKB", "NATO", "BE"]


def random_docs(count: int, seed: int = 7):
    """count documents of random words, dates (of every precision, or none) and names."""
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        roll = rng.random()
        year = rng.randint(2015, 2024)
        if roll < 0.1:
            date = None
        elif roll < 0.2:
            date = f"{year}"
        elif roll < 0.4:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body = " ".join(rng.choices(WORDS, k=rng.randint(3, 12))) + "."
        entities = {
            "person": rng.sample(PEOPLE, rng.randint(0, 2)),
            "place": rng.sample(PLACES, rng.randint(0, 3)),
            "org": rng.sample(ORGS, rng.randint(0, 1)),
        }
        docs.append((f"{n:04d}.txt", date, body, entities))
    return docs


def brute_force(index, query: str, filters=()):
    """Facet counts computed the slow way: every match's stored fields, an
    article counted once under a name however many of its forms it has."""
    from searchidx.index.schema import ENTITY_FIELDS

    results = index.search(query, filters=filters, limit=10_000)
    with index._ix.searcher() as searcher:
        stored = {f["path"]: f for f in searcher.all_stored_fields()}
    years, months, undated, entities = Counter(), Counter(), 0, {name: Counter() for name in ENTITY_FIELDS}
    for hit in results.hits:
        fields = stored[hit.path]
        if fields.get("date_text"):
            years[fields["date_text"][:4]] += 1
            if fields["date_precision"] != "year":
                months[fields["date_text"][:7]] += 1
        else:
            undated += 1
        for name in ENTITY_FIELDS:
            entities[name].update({MERGED.get(v, v) for v in fields.get(name, "").split(",") if v})
    return results.total, years, months, undated, entities


# --- tests that reach inside the entity extractor -------------------------------
# A test marked pure_python patches a name the extractor calls from inside
# itself (extract.lone_opener, gazetteer.build, memo.trim_memos) to watch or
# change what it does. Compiled with mypyc, the extractor's modules call each
# other directly and never see the patch; so where this process runs the
# compiled build, the test runs whole in a new pytest process on the pure
# modules (SEARCHIDX_PURE_PYTHON=1): the same source, the same assertions.


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if pyfuncitem.get_closest_marker("pure_python") is None:
        return None
    from analyzers.entities import extraction_build

    if not extraction_build().compiled:
        return None  # pure already: run here
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", pyfuncitem.nodeid],
        cwd=REPO,
        env={**os.environ, "SEARCHIDX_PURE_PYTHON": "1"},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or " passed" not in done.stdout:
        pytest.fail(f"in a pure-Python process:\n{done.stdout[-6000:]}{done.stderr[-2000:]}", pytrace=False)
    return True
