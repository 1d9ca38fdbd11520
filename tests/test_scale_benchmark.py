"""A smoke run of benchmarks/scale.py on a tiny corpus, so the benchmark cannot rot.

Timings here mean nothing; the test checks that every stage runs, that the
report holds what the tables print, and that a second run reuses the indexes.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED_DATA, needs_shared_data

# Slow (runs the scale benchmark end to end): `pytest -m "not slow"` leaves these out.
pytestmark = pytest.mark.slow

SCRIPT = REPO / "benchmarks" / "scale.py"
ENGINES = ["searchidx", "whoosh", "sqlite"] + (["tantivy"] if importlib.util.find_spec("tantivy") else [])
KINDS = ("headline", "short", "phrase")


def run_scale(*args: str) -> dict:
    command = [sys.executable, str(SCRIPT), "--data", str(SHARED_DATA), "--json", *args]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def load_scale():
    spec = importlib.util.spec_from_file_location("scale_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@needs_shared_data(SHARED_DATA / "news-dev")
def test_scale_benchmark_runs_end_to_end_and_reuses_its_indexes(tmp_path):
    work = str(tmp_path / "work")
    report = run_scale("--work", work, "--sizes", "30", "--engines", *ENGINES, "--queries", "2", "--cold-queries", "1")

    (size,) = report["sizes"]
    assert size["articles"] == 30 and report["engines"] == ENGINES
    for name in ENGINES:
        entry = size["engines"][name]
        build = entry["build"]
        assert build["articles"] == 30 and not build["cached"]
        assert build["articles_per_s"] > 0 and build["index_mb"] > 0
        assert build["peak_rss_mb"] > 10  # the build's process tree was sampled
        for kind in KINDS:
            assert entry["warm"][kind]["n"] == 2 and entry["warm"][kind]["p95"] > 0
            assert entry["cold"][kind]["n"] == 1 and entry["cold"][kind]["p50"] > 0
        assert entry["search_peak_rss_mb"] > 10
    # The same words on the same documents: the two engines that OR every
    # word and keep stop words find the same articles for the headlines.
    matches = {name: size["engines"][name]["median_matches"]["headline"] for name in ENGINES}
    assert matches["whoosh"] == matches["sqlite"] > 0

    # A second run finds the index built from the same code and reuses it.
    again = run_scale("--work", work, "--sizes", "30", "--engines", "whoosh", "--queries", "1", "--cold-queries", "0")
    build = again["sizes"][0]["engines"]["whoosh"]["build"]
    assert build["cached"] and build["index"] == size["engines"]["whoosh"]["build"]["index"]
    assert "cold" not in again["sizes"][0]["engines"]["whoosh"]

    # The tables, and growth over sizes (a second size made up from the first).
    scale = load_scale()
    larger = copy.deepcopy(size)
    larger["articles"] = 300
    larger["engines"]["searchidx"]["warm"]["headline"]["p95"] = (
        size["engines"]["searchidx"]["warm"]["headline"]["p95"] * 3
    )
    rows = scale.growth([size, larger])
    row = next(r for r in rows if r["engine"] == "searchidx" and r["metric"] == "warm headline p95")
    assert row["growth"] == 3.0
    out = io.StringIO()
    scale.print_size(size, out)
    scale.print_growth([size, larger], rows, out)
    assert "30 articles" in out.getvalue() and "10.0x the data" in out.getvalue()


def test_the_reader_hash_covers_the_reader_and_refuses_a_missing_path(tmp_path):
    """Other engines' indexes are reused while the reader's hash holds: it must
    hash the module that reads the corpus, and a moved path must fail, not
    hash as nothing (searchidx/corpus.py moved to sources/ and was hashed as
    an empty folder)."""
    import inspect

    from searchidx.sources.folder import read_corpus

    scale = load_scale()
    reader_file = Path(inspect.getfile(read_corpus)).resolve()
    assert any(reader_file == p.resolve() or p.resolve() in reader_file.parents for p in scale.READER_SOURCES)
    assert len(scale.reader_hash()) == 8
    with pytest.raises(FileNotFoundError, match="moved"):
        scale.source_hash(REPO / "searchidx" / "no_such_module.py")
