"""Stop words: a resource file; dropped from word queries, kept for phrases."""

import pytest

from analyzers.analyzer import AlbanianAnalyzer
from analyzers.stopwords import RESOURCE, is_stopword, stopwords


def test_resource_file_has_the_articles_and_clitics():
    assert RESOURCE.name == "stopwords_sq.txt"
    for w in ["të", "e", "i", "së", "në", "për", "që", "u", "do", "dhe", "s'", "t'", "n'", "një"]:
        assert is_stopword(w), w


def test_function_words_of_every_class_are_stop_words():
    # the gerund particle, prepositions, conjunctions, quantifiers, the
    # subjunctive of jam: frequent in any topic
    for w in [
        "duke",
        "ja",
        "nëpër",
        "përpara",
        "kurse",
        "mirëpo",
        "megjithatë",
        "teksa",
        "siç",
        "gjithë",
        "gjitha",
        "asnjë",
        "ndonjë",
        "jenë",
    ]:
        assert is_stopword(w), w


def test_diacriticless_spelling_is_a_stop_word_too():
    assert {"te", "ne", "per", "qe", "eshte"} <= stopwords()


def test_content_words_are_not_stop_words():
    for w in ["kinë", "rruga", "brezi", "qeveria", "projekt", "tiranë"]:
        assert not is_stopword(w)


def test_stop_words_stay_in_the_index_at_their_positions():
    toks = [(t.text, t.pos) for t in AlbanianAnalyzer()("Brezi dhe Rruga", positions=True, mode="index")]
    assert [p for _, p in toks] == [0, 1, 2]
    assert toks[1][0] == "dhe"


def test_word_query_drops_stop_words_phrase_query_keeps_them():
    a = AlbanianAnalyzer()
    assert [t.text for t in a("Brezi dhe Rruga", mode="query", removestops=True)] == ["brez", "rrugë"]
    assert [t.text for t in a("Brezi dhe Rruga", mode="query", chars=True)] == ["brez", "dhe", "rrugë"]


@pytest.fixture
def phrase_index(tmp_path):
    from whoosh import fields, index

    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(analyzer=AlbanianAnalyzer()))
    ix = index.create_in(str(tmp_path), schema)
    w = ix.writer()
    w.add_document(id="exact", body="Nisma Brezi dhe Rruga e Kinës")
    w.add_document(id="apart", body="Brezi i ri dhe një rrugë e re")
    w.add_document(id="other", body="Brezi e Rruga")
    w.commit()
    return ix


def test_phrase_query_matches_exactly(phrase_index):
    from whoosh.qparser import OrGroup, QueryParser

    with phrase_index.searcher() as s:
        q = QueryParser("body", phrase_index.schema).parse('"Brezi dhe Rruga"')
        assert [h["id"] for h in s.search(q)] == ["exact"]
        q = QueryParser("body", phrase_index.schema, group=OrGroup).parse("Brezi dhe Rruga")
        assert {h["id"] for h in s.search(q)} == {"exact", "apart", "other"}
