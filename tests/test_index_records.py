"""Indexing files of records and pages beside text files: identity, incremental runs, results."""

import json
import os
import time

import pytest
from typer.testing import CliRunner

import searchidx.index.documents as documents
import searchidx.index.indexer as indexer
from searchidx import Index
from searchidx.cli import app
from searchidx.index.manifest import MANIFEST_FILE

from html_pages import index_page, semantic_article, windows_1250_tables

runner = CliRunner()


def record(n: int, text: str | None = None, **extra) -> dict:
    return {
        "id": f"r{n}",
        "title": f"Titulli i lajmit {n}",
        "date": f"2023-10-{n % 28 + 1:02d}T08:30:00+02:00",
        "text": text or f"Lajmi numër {n} tregon për Prishtinën dhe Tiranën. Paragrafi i dytë i lajmit {n}.",
        "url": f"https://lajme.example/{n}",
        **extra,
    }


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def age(folder, seconds=60):
    """Backdates every file, as if written a minute ago (out of the racy window)."""
    past = time.time() - seconds
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def keys(index) -> list[str]:
    with index._ix.searcher() as searcher:
        return sorted(fields["key"] for fields in searcher.all_stored_fields())


@pytest.fixture
def feed(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "feed.jsonl", [record(n) for n in range(20)])
    age(folder)
    return folder


@pytest.fixture
def added(monkeypatch):
    """The keys of the documents added to the index, in order (one process)."""
    seen = []
    original = documents.document_fields

    def counting(document, root):
        fields = original(document, root)
        seen.append(fields["key"])
        return fields

    monkeypatch.setattr(documents, "document_fields", counting)
    return seen


def test_each_record_is_a_document_named_by_file_and_id(feed, index_dir):
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(feed)
        assert (summary.added, summary.read, summary.skipped) == (20, 1, [])
        assert keys(index) == sorted(f"{feed.resolve()}/feed.jsonl#r{n}" for n in range(20))
        hit = index.search("Prishtinën", limit=1).hits[0]
    assert (hit.path, hit.record, hit.address) == ("feed.jsonl", hit.record, f"feed.jsonl#{hit.record}")
    assert hit.url == f"https://lajme.example/{hit.record[1:]}"
    assert hit.title == f"Titulli i lajmit {hit.record[1:]}" and hit.date_precision == "day"


def test_editing_one_record_reindexes_that_record_alone(feed, index_dir, added):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed, processes=1)
        records = [record(n) for n in range(20)]
        records[7] = record(7, "Lajmi i ndryshuar flet për Shkodrën.")
        write_jsonl(feed / "feed.jsonl", records)
        added.clear()
        summary = index.add_folder(feed, processes=1)
        assert (summary.added, summary.updated, summary.unchanged, summary.removed, summary.read) == (0, 1, 19, 0, 1)
        assert added == [f"{feed.resolve()}/feed.jsonl#r7"]
        assert len(keys(index)) == len(set(keys(index))) == 20
        assert [h.record for h in index.search("Shkodrën").hits] == ["r7"]
        assert index.search("numër 7 Prishtinën", syntax=False).hits[0].record != "r7"


def test_records_added_and_removed_within_a_file(feed, index_dir, added):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed, processes=1)
        write_jsonl(feed / "feed.jsonl", [record(n) for n in range(20) if n not in (3, 4)] + [record(99)])
        added.clear()
        summary = index.add_folder(feed, processes=1)
        assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (1, 0, 2, 18)
        assert added == [f"{feed.resolve()}/feed.jsonl#r99"]
        assert len(keys(index)) == 19


def test_an_unchanged_file_of_records_is_not_read(feed, index_dir, monkeypatch):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed)
        monkeypatch.setattr(indexer, "read_bytes", lambda *a, **k: pytest.fail("read"))
        summary = index.add_folder(feed)
    assert (summary.unchanged, summary.read, summary.added) == (20, 0, 0)


def test_lines_appended_to_a_json_lines_file_are_added(feed, index_dir, added):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed, processes=1)
        with open(feed / "feed.jsonl", "a", encoding="utf-8") as out:
            out.write(json.dumps(record(20)) + "\n" + json.dumps(record(21)) + "\n")
        added.clear()
        summary = index.add_folder(feed, processes=1)
    assert (summary.added, summary.updated, summary.unchanged) == (2, 0, 20)
    assert added == [f"{feed.resolve()}/feed.jsonl#r20", f"{feed.resolve()}/feed.jsonl#r21"]


def test_bad_records_are_reported_on_every_run_and_the_rest_indexed(feed, index_dir):
    with open(feed / "feed.jsonl", "a", encoding="utf-8") as out:
        out.write('{"id": "broken", \n')
        out.write(json.dumps(record(30, date="dje")) + "\n")
    age(feed)
    with Index.open_or_create(index_dir) as index:
        first = index.add_folder(feed)
        again = index.add_folder(feed)
    for summary in (first, again):
        assert [(s.path, s.reason.split(":")[0]) for s in summary.skipped] == [("feed.jsonl", "line 21")]
        assert [(n.path, n.message.split(";")[0]) for n in summary.notes] == [
            ("feed.jsonl", "1 date not understood (first: line 22, 'dje')")
        ]
    assert (first.added, again.unchanged) == (21, 21)


def test_a_file_of_records_gone_or_unreadable_takes_its_records_with_it(feed, index_dir):
    (feed / "export.csv").write_text("title,text\nNjë,Tekst një.\nDy,Tekst dy.\n", encoding="utf-8")
    with Index.open_or_create(index_dir) as index:
        assert index.add_folder(feed).added == 22
        (feed / "export.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # no text column any more
        summary = index.add_folder(feed)
        assert (summary.removed, [s.path for s in summary.skipped]) == (2, ["export.csv"])
        (feed / "feed.jsonl").unlink()
        assert index.add_folder(feed).removed == 20
        assert keys(index) == []


def test_a_lost_manifest_costs_a_reading_not_a_reindexing(feed, index_dir, added):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed, processes=1)
    (index_dir / MANIFEST_FILE).unlink()
    added.clear()
    with Index.open(index_dir) as index:
        summary = index.add_folder(feed, processes=1)
    assert (summary.updated, summary.added, summary.unchanged, summary.read) == (0, 0, 20, 1)
    assert added == []


def test_many_records_are_shared_among_worker_processes(tmp_path, index_dir):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "feed.jsonl", [record(n) for n in range(150)])
    with Index.open_or_create(index_dir) as index:
        summary = index.add_folder(folder, processes=2)
        assert summary.added == 150
        assert len(set(keys(index))) == 150
        records = [record(n) for n in range(150)]
        records[100] = record(100, "Teksti i ri i lajmit njëqind.")
        write_jsonl(folder / "feed.jsonl", records)
        summary = index.add_folder(folder, processes=2)
        assert (summary.updated, summary.unchanged) == (1, 149)
        assert len(keys(index)) == 150


def test_field_names_from_searchidx_toml_and_options(tmp_path, index_dir):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(
        folder / "feed.jsonl", [{"guid": "g1", "headline": "Titulli A", "heading": "Titulli B", "content": "Teksti."}]
    )
    age(folder)
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        assert index.search("Teksti").hits[0].title == "Titulli A"  # `headline`, a usual name
        (folder / "searchidx.toml").write_text('[fields]\ntitle = "heading"\n', encoding="utf-8")
        summary = index.add_folder(folder)  # the file is unchanged, the names are not: read again
        assert (summary.updated, summary.read) == (1, 1)
        assert index.search("Teksti").hits[0].title == "Titulli B"
    result = runner.invoke(
        app, ["index", str(folder), "--index", str(index_dir), "--title-field", "headline", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["updated"] == 1
    (folder / "searchidx.toml").write_text('[fields]\nheadline = "x"\n', encoding="utf-8")
    result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir)])
    assert result.exit_code == 1 and "unknown key 'headline' in the fields table" in result.output


@pytest.mark.slow
def test_a_mixed_folder_indexes_in_one_run_and_results_show_titles_dates_and_urls(tmp_path, index_dir):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "tekst.txt").write_text(" date 2023-10 Ura e re në Shkodër u hap për qarkullim.", encoding="utf-8")
    (folder / "ura.html").write_bytes(semantic_article().html)
    (folder / "shiu.html").write_bytes(windows_1250_tables().html)
    (folder / "seksioni.html").write_bytes(index_page())
    write_jsonl(
        folder / "feed.jsonl", [record(1, "Ura mbi Bunë dhe Shkodra."), {"title": "Pa datë", "text": "Ura e vjetër."}]
    )
    (folder / "export.csv").write_text(
        'title,date,text,url\n"Ura e Shkodrës",17.10.2023,"Ura u inaugurua.",https://csv.example/1\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["index", str(folder), "--index", str(index_dir), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 6
    assert summary["skipped"] == [{"path": "seksioni.html", "reason": "no article text found in the page"}]
    result = runner.invoke(app, ["search", "ura", "--index", str(index_dir), "--json", "--facets", "-n", "10"])
    hits = {h["path"] + ("#" + h["record"] if h["record"] else ""): h for h in json.loads(result.stdout)["hits"]}
    assert set(hits) == {"tekst.txt", "ura.html", "feed.jsonl#r1", "feed.jsonl#2", "export.csv#1"}
    assert (hits["tekst.txt"]["date"], hits["tekst.txt"]["url"]) == ("2023-10", None)
    assert (hits["ura.html"]["title"], hits["ura.html"]["date"], hits["ura.html"]["url"]) == (
        "Ura e re mbi Bunë hapet për qarkullim",
        "2023-10-17",
        "https://lajme.example/shkoder/ura-e-re-mbi-bune",
    )
    assert (hits["feed.jsonl#r1"]["title"], hits["feed.jsonl#r1"]["url"]) == (
        "Titulli i lajmit 1",
        "https://lajme.example/1",
    )
    assert (hits["feed.jsonl#2"]["date"], hits["feed.jsonl#2"]["title"]) == (None, "Pa datë")
    assert (hits["export.csv#1"]["date"], hits["export.csv#1"]["url"]) == ("2023-10-17", "https://csv.example/1")
    facets = json.loads(result.stdout)["facets"]["date"]
    assert (facets["undated"], [y["value"] for y in facets["years"]]) == (1, ["2023"])
    text = runner.invoke(app, ["search", "ura", "--index", str(index_dir)]).stdout
    assert "feed.jsonl#r1" in text and "https://csv.example/1" in text
    with Index.open(index_dir) as index:
        article = index.article("feed.jsonl#r1", "ura")
        assert (article.record, article.url, article.title) == ("r1", "https://lajme.example/1", "Titulli i lajmit 1")


def test_eval_names_a_record_by_file_and_id(feed, index_dir, tmp_path):
    with Index.open_or_create(index_dir) as index:
        index.add_folder(feed)
    queries = tmp_path / "q.tsv"
    queries.write_text("qid\tquery\ttarget\nq1\tLajmi numër 7\tfeed.jsonl#r7\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(queries), "--index", str(index_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recall@10"] == 1.0


def test_a_real_title_is_searched_as_its_own_field(tmp_path, index_dir):
    import dataclasses

    from searchidx.rank.settings import DEFAULT_RANKING

    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(
        folder / "feed.jsonl",
        [
            {"id": "t", "title": "Stuhia godet Velipojën", "text": "Era e fortë theu pemë dhe çati gjatë natës."},
            {"id": "u", "text": "Një tjetër lajm për Velipojën dhe stuhinë e djeshme, pa titull."},
        ],
    )
    (folder / "tekst.txt").write_text("Stuhia e natës. Era theu pemë në Velipojë.", encoding="utf-8")
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        assert [h.record for h in index.search("godet").hits] == ["t"]  # a word of the title alone
        index.ranking = dataclasses.replace(DEFAULT_RANKING, title_weight=0.0)
        assert index.search("godet").hits == []  # weight 0: titles are not searched


def test_an_index_of_text_files_alone_ranks_as_without_titles(tmp_path, index_dir):
    import dataclasses

    from searchidx.rank.settings import DEFAULT_RANKING

    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n}.txt").write_text(
            f" date 2023-10-{n + 1:02d} Lajmi {n} për Tiranën. Tirana dhe Durrësi priten {n % 3} herë.",
            encoding="utf-8",
        )
    with Index.open_or_create(index_dir) as index:
        index.add_folder(folder)
        with_titles = [(h.path, h.score) for h in index.search("Tirana Durrësi lajmi", limit=12).hits]
        index.ranking = dataclasses.replace(DEFAULT_RANKING, title_weight=0.0)
        without = [(h.path, h.score) for h in index.search("Tirana Durrësi lajmi", limit=12).hits]
    assert DEFAULT_RANKING.title_weight > 0 and with_titles == without and len(with_titles) == 12


def test_an_index_kept_inside_the_corpus_is_not_read_as_records(feed, index_dir):
    inside = feed / "indeksi"  # not hidden: its manifest.json and searchidx.json would be JSON "exports"
    with Index.open_or_create(inside) as index:
        index.add_folder(feed)
        summary = index.add_folder(feed)
    assert (summary.skipped, summary.unchanged, summary.added) == ([], 20, 0)
