"""Entities in the index: fields at index time, facets, `searchidx entities`."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from searchidx.api import Index
from searchidx.cli import app
from searchidx.index.entities import entity_fields, merge_inflected

from conftest import SEED, SEED_ORGS, SEED_PEOPLE, SEED_PLACES

runner = CliRunner()
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="seed article not in corpus/")


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@needs_seed
def test_entity_fields_of_the_seed_are_the_target_facets():
    fields = entity_fields(SEED.read_text(encoding="utf-8"))
    assert dict(Counter(fields["person"])) == SEED_PEOPLE
    assert dict(Counter(fields["place"])) == SEED_PLACES
    assert dict(Counter(fields["org"])) == SEED_ORGS
    # grouped in order of first mention
    assert list(dict.fromkeys(fields["person"])) == ["Vladimir Putin", "Xi Jinping", "Antonio Guterres"]
    assert fields["place"][:2] == ["Pekin", "Pekin"]


def test_misc_names_stay_out_of_the_fields():
    fields = entity_fields("Nisma “Brezi dhe Rruga” u zgjerua në Kinë.")
    assert fields == {"person": [], "place": ["Kina"], "org": [], "edge": []}


@pytest.fixture
def folder(make_corpus):
    files = {
        "a.txt": " date 2020-08-24 Trump foli me Albin Kurti. Kurti tha se Kina dhe Kosova janë larg.",
        "b.txt": " date 2020-08-25 Deklaratën e bëri Trumpi. Qeveria e Kosovës dhe Kurti heshtën. Kina po.",
    }
    if SEED.is_file():
        files[SEED.name] = SEED.read_bytes()
    return make_corpus(files)


def test_entities_command_counts_mentions_and_articles(folder, index_dir):
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    result = invoke("entities", "--index", index_dir, "--json", "--top", "100")
    assert result.exit_code == 0, result.output
    found = {(e["name"], e["type"]): (e["mentions"], e["documents"]) for e in json.loads(result.stdout)}
    assert found[("Albin Kurti", "person")] == (3, 2)
    assert found[("Donald Trump", "person")] == (2, 2)
    assert found[("Kosova", "place")] == (1, 1)
    assert found[("Qeveria e Kosovës", "org")] == (1, 1)
    if SEED.is_file():
        assert found[("Kina", "place")] == (13, 3)
        assert found[("Vladimir Putin", "person")] == (7, 1)
        assert found[("Kombet e Bashkuara", "org")] == (1, 1)


def test_entities_command_type_and_top(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    result = invoke("entities", "--index", index_dir, "--json", "--type", "place", "--top", "2")
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and {r["type"] for r in rows} == {"place"}
    assert rows[0]["name"] == "Kina"
    text = invoke("entities", "--index", index_dir, "--type", "person")
    assert text.exit_code == 0 and "Albin Kurti" in text.stdout and "mentions" in text.stdout
    bad = invoke("entities", "--index", index_dir, "--type", "planet")
    assert bad.exit_code == 2  # a usage error


@needs_seed
def test_search_hits_carry_their_entities(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    with Index.open(index_dir) as index:
        results = index.search("Guterres")
    (hit,) = results.hits
    assert hit.entities["person"] == ["Vladimir Putin", "Xi Jinping", "Antonio Guterres"]
    assert hit.entities["org"] == ["Hamas", "Kombet e Bashkuara"]
    assert "Azia Qendrore" in hit.entities["place"]


@needs_seed
def test_entity_facets_over_the_index(folder, index_dir):
    invoke("index", folder, "--index", index_dir)
    with Index.open(index_dir) as index:
        results = index.search("Kina", facets=["place"])
    places = {v.value: v.count for v in results.facets.entities["place"]}
    assert places["Kina"] == 3  # documents


def test_merge_inflected_uses_the_whole_index():
    counts = {"Trump": (3, {1, 2}), "Trumpi": (2, {3}), "Kurti": (4, {1}), "Irak": (1, {5}), "Iraku": (1, {6})}
    merged = merge_inflected(counts)
    assert merged["Trump"] == (5, {1, 2, 3})
    assert "Trumpi" not in merged
    assert merged["Irak"] == (2, {5, 6})
    # Kurti stays: no bare "Kurt" in the index
    assert merged["Kurti"] == (4, {1})
    # a name of its own in the dictionaries is never merged (Mali, not Mal)
    assert merge_inflected({"Mal": (1, {1}), "Mali": (1, {2})})["Mali"] == (1, {2})


@pytest.fixture
def inflected_index(make_corpus, index_dir):
    """Nehammer, whom the dictionaries do not know, written bare in one article
    and only as Nehammeri in another: no one article can tell that the -i is
    a case ending. Bardhi is never written bare."""
    folder = make_corpus(
        {
            "a.txt": " date 2023-05-02 Presidenti Nehammer tha se nafta shtrenjtohet.",
            "b.txt": " date 2023-05-03 Presidenti Nehammeri tha se nafta lirohet.",
            "c.txt": " date 2023-05-04 Deputeti Bardhi tha se nafta mungon.",
        }
    )
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    with Index.open(index_dir) as index:
        yield index


def test_the_extractor_alone_keeps_the_inflected_form():
    # The premise of the tests below: merging needs the whole index.
    assert entity_fields("Presidenti Nehammeri tha se nafta lirohet.")["person"] == ["Nehammeri"]
    assert entity_fields("Presidenti Nehammer tha se nafta shtrenjtohet.")["person"] == ["Nehammer"]


def test_facets_count_the_inflected_form_under_the_bare_name(inflected_index):
    people = inflected_index.search("nafta", facets=["person"]).facets.entities["person"]
    assert {(v.value, v.count) for v in people} == {("Nehammer", 2), ("Bardhi", 1)}
    nehammer = next(v for v in people if v.value == "Nehammer")
    drilled = inflected_index.search("nafta", filters=[nehammer.filter])
    assert {hit.path for hit in drilled.hits} == {"a.txt", "b.txt"}


@pytest.mark.parametrize("typed", ["person:Nehammer", "person:Nehammeri", "entitet:nehammer"])
def test_a_typed_filter_finds_every_form_of_the_name(inflected_index, typed):
    assert {hit.path for hit in inflected_index.search(f"nafta {typed}").hits} == {"a.txt", "b.txt"}


def test_a_name_without_its_bare_form_stays_as_written(inflected_index):
    assert {hit.path for hit in inflected_index.search("nafta person:Bardhi").hits} == {"c.txt"}
    assert inflected_index.search("nafta person:Bardh").total == 0


def test_facets_and_the_entities_command_agree(inflected_index, index_dir):
    result = invoke("entities", "--index", index_dir, "--json", "--type", "person")
    listed = {e["name"]: e["documents"] for e in json.loads(result.stdout)}
    people = inflected_index.search("nafta", facets=["person"]).facets.entities["person"]
    assert listed == {v.value: v.count for v in people}


def test_hits_and_the_article_view_list_the_name_as_facets_count_it(inflected_index):
    # b.txt stores Nehammeri; the index also holds Nehammer, so the hit says
    # Nehammer (the facet value a click would filter on). Bardhi stays.
    hits = {hit.path: hit for hit in inflected_index.search("nafta").hits}
    assert hits["b.txt"].entities["person"] == ["Nehammer"]
    assert hits["c.txt"].entities["person"] == ["Bardhi"]
    assert inflected_index.article("b.txt").entities["person"] == ["Nehammer"]


def test_a_deleted_article_no_longer_makes_its_name_the_bare_one(make_corpus, index_dir):
    folder = make_corpus(
        {
            "a.txt": " date 2023-05-02 Presidenti Nehammer tha se nafta shtrenjtohet.",
            "b.txt": " date 2023-05-03 Presidenti Nehammeri tha se nafta lirohet.",
        }
    )
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    (folder / "a.txt").unlink()
    assert invoke("index", folder, "--index", index_dir).exit_code == 0
    with Index.open(index_dir) as index:
        assert [hit.entities["person"] for hit in index.search("nafta").hits] == [["Nehammeri"]]
        people = index.search("nafta", facets=["person"]).facets.entities["person"]
        assert [v.value for v in people] == ["Nehammeri"]


def test_field_counts_read_as_arrays_equal_whooshs_matchers(tmp_path):
    """The counts `searchidx entities` lists, read a posting list at a time
    as arrays, equal counting each posting through Whoosh's own matcher:
    over two segments, with deleted documents."""
    from searchidx.index.entities import field_counts, find_signatures
    from searchidx.index.schema import ENTITY_FIELDS

    from conftest import add_documents, build_index, random_docs

    index = build_index(tmp_path / "index", random_docs(120))
    add_documents(index, [(f"more-{name}", *rest) for name, *rest in random_docs(60, seed=3)], merge=False)
    with index._ix.writer() as writer:
        for key in [f"/corpus/more-{name}" for name, *_ in random_docs(60, seed=3)[:7]]:
            writer.delete_by_term("key", key)
    with index._ix.reader() as reader:
        assert len(list(reader.leaf_readers())) == 2 and reader.has_deletions()
        signatures = find_signatures(reader)
        for field in ENTITY_FIELDS:
            expected = {}
            for raw in reader.lexicon(field):
                name = raw.decode("utf-8")
                live = [
                    (d, f)
                    for d, f in reader.postings(field, raw).items_as("frequency")
                    if not reader.is_deleted(d) and d not in signatures.removed(field, name)
                ]
                if live:
                    expected[name] = (sum(int(f) for _, f in live), {d for d, _ in live})
            assert expected and field_counts(reader, field) == expected
    index.close()


def test_mention_counts_are_the_names_the_index_writes():
    """document_fields hands the writer each name's mentions: a comma (which
    would split a name in its stored value) becomes a space, the names
    that this merges count together, an empty name is dropped, and the
    order is that of first mention."""
    from searchidx.index.documents import mention_counts

    names = ["Kina", "Korea, e Jugut", "Kina", " , ", "Moska", "Korea  e Jugut", "Korea, e Jugut", "Moska"]
    assert list(mention_counts(names).items()) == [("Kina", 2), ("Korea  e Jugut", 3), ("Moska", 2)]
    assert mention_counts([" ", ","]) == {}


def test_an_article_stores_each_name_once_and_indexes_its_mentions(tmp_path, monkeypatch):
    import searchidx.index.documents as documents

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2023-10 Një artikull.\n", encoding="utf-8")
    (folder / "b.txt").write_text(" date 2023-10 Një tjetër.\n", encoding="utf-8")
    found = {
        "Një artikull.": {"person": ["A, B", "C", "A, B", "A  B"], "place": [","], "org": [], "edge": ["org:X"]},
        "Një tjetër.": {"person": ["C"], "place": [], "org": [], "edge": []},
    }
    monkeypatch.setattr(documents, "entity_fields", lambda body, title=None: found[body.strip()])
    with Index.create(tmp_path / "index") as index:
        index.add_folder(folder, processes=1)
    with Index.open(tmp_path / "index") as index, index._ix.searcher() as searcher:
        stored = {fields["path"]: fields for fields in searcher.all_stored_fields()}
        assert stored["a.txt"]["person"] == "A  B,C"
        assert stored["a.txt"]["place"] == ""  # a field given, its only name empty
        assert "org" not in stored["a.txt"] and "person" in stored["b.txt"]
        assert stored["a.txt"]["edge"] == "org:X"
        reader = searcher.reader()
        by_path = {fields["path"]: n for n, fields in enumerate(searcher.all_stored_fields())}

        frequencies = {}
        for name in ("A  B", "C"):
            m = reader.postings("person", name)
            while m.is_active():
                frequencies[(name, m.id())] = m.value_as("frequency")
                m.next()
        assert frequencies == {("A  B", by_path["a.txt"]): 3, ("C", by_path["a.txt"]): 1, ("C", by_path["b.txt"]): 1}
