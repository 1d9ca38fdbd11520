"""benchmarks/entities_speed.py's builds run: with extraction, and with it
replaced where the indexer calls it (a layout move once left the benchmark
patching a name the indexer no longer read)."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "entities_speed.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("entities_speed", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_builds_with_and_without_extraction_run_and_restore_it(tmp_path, monkeypatch):
    import searchidx.index.documents as documents

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2023-10 Presidenti Vladimir Putin arriti në Pekin.\n", encoding="utf-8")
    (folder / "b.txt").write_text(" date 2023-11 Albin Kurti foli në Prishtinë.\n", encoding="utf-8")
    calls = []
    real = documents.entity_fields

    def counted(body, title=None):
        calls.append(body)
        return real(body, title)

    monkeypatch.setattr(documents, "entity_fields", counted)
    import searchidx.index.entities as entities
    from analyzers.entities import gazetteer

    real_in_warm_up = entities.entity_fields  # what warm_up calls
    # every build starts cold on both sides: the analyzer's memos and the
    # extractor's caches are cleared before each, with or without entities
    import analyzers.analyzer
    import analyzers.entities.extract

    cleared = []
    for module, side in ((analyzers.analyzer, "analysis"), (analyzers.entities.extract, "entities")):
        real_clear = module.clear_caches
        monkeypatch.setattr(
            module, "clear_caches", lambda real_clear=real_clear, side=side: (cleared.append(side), real_clear())
        )
    bench = _benchmark()
    assert bench.index_once(folder, 1, with_entities=False) >= 0
    assert calls == []  # replaced: the build without extraction never ran it
    # nor did the run's warm-up load the extractor's dictionaries for it
    assert gazetteer._loaded is None
    assert documents.entity_fields is counted  # and put back
    assert entities.entity_fields is real_in_warm_up
    assert sorted(cleared) == ["analysis", "entities"]
    assert bench.index_once(folder, 1, with_entities=True) >= 0
    assert len(calls) == 2
    assert sorted(cleared) == ["analysis", "analysis", "entities", "entities"]


def test_a_fresh_build_runs_in_a_new_process(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2023-10 Presidenti Vladimir Putin arriti në Pekin.\n", encoding="utf-8")
    bench = _benchmark()
    assert bench.index_fresh(folder, 1, with_entities=True) > 0
    assert bench.index_fresh(folder, 1, with_entities=False) > 0
