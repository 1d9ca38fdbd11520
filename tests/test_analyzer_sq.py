"""The whole analyzer as the index uses it: pickling, positions, query = document keys."""

import pickle

from analyzers import ANALYZER_VERSION, AlbanianAnalyzer


def keys(text, **kw):
    return [t.text for t in AlbanianAnalyzer()(text, **kw)]


def test_version_names_this_analyzer():
    assert ANALYZER_VERSION.startswith("sq-") and ANALYZER_VERSION != "sq-1"


def test_pickles_into_an_index_schema():
    a = pickle.loads(pickle.dumps(AlbanianAnalyzer()))
    assert [t.text for t in a("Kinës")] == ["kinë"]
    assert a == AlbanianAnalyzer()


def test_forms_of_a_word_meet_and_queries_get_the_same_keys():
    doc = keys("Projektet e Kinës në Uashington u ndërtuan", mode="index")
    query = keys("projekt kina uashingtonit ndertuar", mode="query")
    assert set(query) <= set(doc)


def test_offsets_and_positions_for_highlighting():
    text = "Në Kinën e madhe"
    toks = [(t.text, t.pos, t.startchar, t.endchar) for t in AlbanianAnalyzer()(text, positions=True, chars=True)]
    assert [text[s:e] for _, _, s, e in toks] == ["Në", "Kinën", "e", "madhe"]
    assert [p for _, p, _, _ in toks] == [0, 1, 2, 3]


def test_search_through_whoosh_finds_inflected_and_diacriticless_forms(tmp_path):
    from whoosh import fields, index
    from whoosh.qparser import OrGroup, QueryParser

    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(analyzer=AlbanianAnalyzer()))
    ix = index.create_in(str(tmp_path), schema)
    w = ix.writer()
    w.add_document(id="a", body="Kina ndërton rrugë të reja në Afrikë")
    w.add_document(id="b", body="Qeveria shqiptare miratoi buxhetin")
    w.commit()
    with ix.searcher() as s:
        for q in ["Kinës", "Kines", "ndërtuar", "ndertimi rruget"]:
            hits = [h["id"] for h in s.search(QueryParser("body", schema, group=OrGroup).parse(q))]
            assert hits[:1] == ["a"] or (q == "ndertimi rruget" and "a" in hits), q
