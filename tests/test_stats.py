"""`searchidx stats` and `searchidx optimize`."""

import json

from typer.testing import CliRunner

from searchidx.cli import app

from conftest import rewrite_meta

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_stats_reports_documents_dates_size_segments_versions(make_corpus, index_dir):
    one = make_corpus({"a.txt": " date 2019-03 Një.", "b.txt": " date 2021-12-24 Dy.", "c.txt": "Pa datë."}, "one")
    two = make_corpus({"d.txt": " date 2020 Katër."}, "two")
    assert invoke("index", one, "--index", index_dir).exit_code == 0
    assert invoke("index", two, "--index", index_dir).exit_code == 0
    result = invoke("stats", "--index", index_dir, "--json")
    assert result.exit_code == 0, (result.output, result.exception)
    stats = json.loads(result.stdout)
    assert stats["documents"] == 4 and stats["undated"] == 1
    # A month-only date keeps its precision: never shown as the 1st of the month.
    assert (stats["first_date"], stats["last_date"]) == ("2019-03", "2021-12-24")
    assert stats["folders"] == {str(one.resolve()): 3, str(two.resolve()): 1}
    assert len(stats["segments"]) == 2 and stats["size_bytes"] > 0
    assert stats["analyzer_version"] == stats["program_analyzer_version"] and stats["needs_rebuild"] is None
    assert stats["updated"] >= stats["created"]
    text = invoke("stats", "--index", index_dir).stdout
    assert "documents" in text and "2019-03 – 2021-12-24" in text and "segments" in text


def test_stats_says_which_build_of_the_entity_extractor_runs(make_corpus, index_dir, monkeypatch):
    """Compiled (mypyc) or pure Python, and why: what a report on speed needs first."""
    from analyzers.entities import ExtractionBuild, compiled_build

    assert invoke("index", make_corpus({"a.txt": "Edi Rama në Tiranë."}), "--index", index_dir).exit_code == 0
    for build, shown in (
        (ExtractionBuild(True, "compiled"), "entity extraction  compiled (mypyc)"),
        (ExtractionBuild(False, "stale", "cut.py changed since the build"), "pure Python (stale: cut.py changed"),
    ):
        monkeypatch.setattr(compiled_build, "_chosen", build)
        stats = json.loads(invoke("stats", "--index", index_dir, "--json").stdout)
        assert stats["program_entity_extraction"] == {
            "compiled": build.compiled,
            "reason": build.reason,
            "detail": build.detail,
        }
        assert shown in invoke("stats", "--index", index_dir).stdout


def test_stats_on_an_old_index_says_it_needs_a_rebuild(make_corpus, index_dir):
    invoke("index", make_corpus({"a.txt": "Një."}), "--index", index_dir)
    rewrite_meta(index_dir, analyzer_version="sq-0")
    result = invoke("stats", "--index", index_dir)
    assert result.exit_code == 0 and "needs a rebuild" in result.stdout and "sq-0" in result.stdout


def test_optimize_merges_segments_and_drops_deleted_documents(make_corpus, index_dir):
    folder = make_corpus({"a.txt": "Një.", "b.txt": "Dy."})
    invoke("index", folder, "--index", index_dir)
    (folder / "c.txt").write_text("Tre.", encoding="utf-8")
    (folder / "a.txt").unlink()
    invoke("index", folder, "--index", index_dir)
    before = json.loads(invoke("stats", "--index", index_dir, "--json").stdout)
    assert len(before["segments"]) == 2 and before["deleted"] == 1
    result = invoke("optimize", "--index", index_dir, "--json")
    assert result.exit_code == 0, result.output
    after = json.loads(result.stdout)
    assert after["segments"] == [2] and after["deleted"] == 0 and after["segments_before"] == 2
    # The manifest followed the new generation: the next run reads nothing.
    rerun = json.loads(invoke("index", folder, "--index", index_dir, "--json").stdout)
    assert rerun["unchanged"] == 2 and rerun["added"] == 0


def test_stats_without_an_index_is_a_one_line_error(index_dir):
    result = invoke("stats", "--index", index_dir)
    assert result.exit_code == 1 and "searchidx index" in result.stderr
