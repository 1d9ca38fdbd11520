"""The array scorer (searchidx.rank.scorer) scores and ranks exactly as Whoosh's searcher does."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as wq

from searchidx import Index
from searchidx.index.postings import POSITION_SPAN, PostingReader, leaf_field_docs
from searchidx.query.builder import BuildContext, build_query
from searchidx.query.parser import parse_tree
from searchidx.rank.scorer import scorable, score_query, top_docs
from searchidx.rank.settings import Ranking
from searchidx.results.search import matching_docs

from conftest import add_documents, build_index, random_docs

QUERIES = [
    "nafta",
    "gazi spitali",
    "qeveria buxheti shkolla",
    "nafta AND gazi",
    "+rruga spitali tregu",
    "nafta -gazi",
    "(nafta OR gazi) AND shkolla NOT rruga",
    "fjalëqëskaështë",
    '"nafta gazi"',
    '"tregu nafta gazi" spitali',
    'shkolla AND "gazi spitali"',
    # Prefixes: one word of the index, several, none.
    "naft*",
    "sp* gazi",
    "+shk* -nafta",
    "zzz* tregu",
]


@pytest.fixture(scope="module")
def segmented_index(tmp_path_factory):
    """Two segments and deleted documents, as an index that was updated looks."""
    docs = random_docs(300, seed=11)
    path = tmp_path_factory.mktemp("scorer") / "index"
    build_index(path, docs[:200]).close()
    with Index.open(path) as index:
        add_documents(index, docs[200:])
        writer = index._ix.writer()
        for name, *_ in docs[::7]:
            writer.delete_by_term("key", f"/corpus/{name}")
        writer.commit(merge=False)
    with Index.open(path) as index:
        yield index


def built_query(searcher, text, ranking):
    context = BuildContext(
        schema=searcher.schema,
        field_weights=ranking.field_weights(),
        filter_docs=lambda f: set(),
        query_docs=lambda q: set(searcher.docs_for_query(q)),
        live_docs=lambda: set(searcher.reader().all_doc_ids()),
    )
    return build_query(parse_tree(text), context).query


@pytest.mark.parametrize("ranking", [Ranking(), Ranking(title_weight=0.5, k1=1.6, body_b=0.4, title_b=0.8)])
@pytest.mark.parametrize("text", QUERIES)
def test_scores_and_order_equal_whoosh(segmented_index, text, ranking):
    with segmented_index._ix.searcher(weighting=ranking.weighting()) as searcher:
        assert len(searcher.reader().leaf_readers()) == 2 and searcher.reader().has_deletions()
        query = built_query(searcher, text, ranking)
        assert scorable(query, searcher.weighting)
        scored = score_query(query, searcher, PostingReader(searcher.reader()))
        matches = matching_docs(searcher, query)  # posting-list set operations
        # Whoosh's AndNot matcher lets through a document of the second
        # segment that has the excluded word (with deletions present), so
        # its scores are compared on the true matches only.
        theirs = [(docnum, score) for score, docnum in searcher.search(query, limit=None).top_n if docnum in matches]
        assert set(scored.docs().tolist()) == matches
        ours = top_docs(scored, len(theirs) + 5)
        assert [docnum for docnum, _ in ours] == [docnum for docnum, _ in theirs]
        assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-12)
        for top in (1, 3, 10):
            assert top_docs(scored, top) == ours[:top]


def test_what_the_array_scorer_takes(segmented_index):
    with segmented_index._ix.searcher(weighting=Ranking().weighting()) as searcher:
        assert scorable(wq.Phrase("body", ["tregu", "nafta"], slop=2), searcher.weighting)
        assert scorable(wq.Or([wq.Term("body", "x"), wq.Prefix("body", "naf")]), searcher.weighting)
        assert not scorable(wq.Or([wq.Term("body", "x"), wq.Wildcard("body", "n?f")]), searcher.weighting)
        assert not scorable(wq.Term("body", "x"), None)


@pytest.mark.parametrize("boost", [1.0, 0.2])
def test_a_prefix_of_one_word_or_several_scores_as_whoosh_scores_it(segmented_index, boost):
    with segmented_index._ix.searcher(weighting=Ranking().weighting()) as searcher:
        reader = searcher.reader()
        for prefix in ("naft", "sp", "g"):
            words = list(reader.expand_prefix("body", prefix))
            query = wq.Prefix("body", prefix, boost=boost)
            scored = score_query(query, searcher, PostingReader(reader))
            theirs = [(docnum, score) for score, docnum in searcher.search(query, limit=None).top_n]
            ours = top_docs(scored, len(theirs) + 5)
            assert len(theirs) and [d for d, _ in ours] == [d for d, _ in theirs], (prefix, len(words))
            assert [s for _, s in ours] == pytest.approx([s for _, s in theirs], rel=1e-12)


def test_searches_through_the_api_page_consistently(segmented_index):
    everything = segmented_index.search("nafta gazi", limit=100)
    pages = [segmented_index.search("nafta gazi", limit=7, page=p).hits for p in range(1, everything.pages + 1)]
    assert [h.path for page in pages for h in page] == [h.path for h in everything.hits][: sum(map(len, pages))]


@pytest.mark.parametrize(
    "words, slop",
    [
        (["tregu", "nafta"], 1),
        (["gazi", "spitali", "tregu"], 1),
        (["nafta", "shkolla"], 3),
        (["rruga", "gazi", "nafta"], 2),
    ],
)
def test_phrase_matches_equal_whoosh_at_any_slop(segmented_index, words, slop):
    with segmented_index._ix.searcher(weighting=Ranking().weighting()) as searcher:
        analyzer = searcher.schema["body"].analyzer
        terms = [next(iter(analyzer(w, mode="query"))).text for w in words]
        phrase = wq.Phrase("body", terms, slop=slop)
        scored = score_query(phrase, searcher, PostingReader(searcher.reader()))
        theirs = [(docnum, score) for score, docnum in searcher.search(phrase, limit=None).top_n]
        assert theirs  # the corpus repeats its few words, so every phrase occurs
        ours = top_docs(scored, len(theirs) + 5)
        assert [docnum for docnum, _ in ours] == [docnum for docnum, _ in theirs]
        assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-12)


def test_postings_read_whole_equal_whoosh_per_posting(segmented_index):
    with segmented_index._ix.searcher() as searcher:
        reader = searcher.reader()
        postings = PostingReader(reader)
        for text in list(reader.lexicon("body"))[:40]:
            docs, weights = postings.postings("body", text)
            # Deleted documents included, as in Whoosh's document frequency.
            assert len(docs) == len(weights) == reader.doc_frequency("body", text)
            theirs = []
            for leaf, offset in reader.leaf_readers():
                if ("body", text) in leaf:
                    m = leaf.postings("body", text)
                    while m.is_active():
                        theirs.append((m.id() + offset, m.weight()))
                        m.next()
            live = postings.live[docs]
            assert list(zip(docs[live].tolist(), weights[live].tolist())) == theirs
            assert postings.docs("body", text).tolist() == docs.tolist()


def test_remembered_values_stay_within_their_byte_bound(segmented_index):
    with segmented_index._ix.searcher() as searcher:
        postings = PostingReader(searcher.reader(), max_remembered_bytes=3000)
        for n in range(40):
            assert postings.remembered(("test", n), lambda: np.zeros(100)).nbytes == 800
        assert 0 < postings._remembered_bytes <= 3000
        assert postings.remembered(("test", 39), lambda: None) is not None  # the latest kept
        assert postings.remembered(("test", 0), lambda: "again") == "again"  # the first dropped


def test_field_lengths_read_whole_equal_whoosh_per_document(segmented_index):
    with segmented_index._ix.searcher() as searcher:
        reader = searcher.reader()
        lengths = PostingReader(reader).lengths("body")
        assert len(lengths) == reader.doc_count_all()
        assert lengths.tolist() == [reader.doc_field_length(d, "body", 0) or 0 for d in range(reader.doc_count_all())]


def test_positions_summed_at_once_equal_whoosh_per_posting(segmented_index):
    with segmented_index._ix.searcher() as searcher:
        reader = searcher.reader()
        cache = PostingReader(reader)
        live = cache.live  # Whoosh's matchers skip deleted documents
        for text in list(reader.lexicon("body"))[:30]:
            theirs = []
            for leaf, offset in reader.leaf_readers():
                if ("body", text) in leaf:
                    m = leaf.postings("body", text)
                    while m.is_active():
                        theirs += [(m.id() + offset) * POSITION_SPAN + p for p in m.value_as("positions")]
                        m.next()
            assert theirs
            assert cache.positions("body", text, live).tolist() == theirs


def test_positions_of_long_and_wide_postings_equal_whoosh(tmp_path):
    """A word 1,500 times in one article (Python's pickle writes a list of
    more than 1,000 items in batches) and gaps past 255 and 65,535 (wider
    opcodes): positions unpickled together come out as Whoosh reads them."""
    long_text = " ".join(["nafta gazi"] * 1500) + "."
    wide_text = "nafta " + "gazi " * 300 + "nafta " + "tregu " * 70000 + "nafta."
    docs = [("long.txt", None, long_text, {}), ("wide.txt", None, wide_text, {}), ("none.txt", None, "rruga.", {})]
    with build_index(tmp_path / "index", docs) as index, index._ix.searcher() as searcher:
        reader = searcher.reader()
        cache = PostingReader(reader)
        keys = [next(iter(searcher.schema["body"].process_text(word))) for word in ("nafta", "gazi")]
        for key in keys:
            text = searcher.schema["body"].to_bytes(key)
            theirs = []
            m = reader.postings("body", text)
            while m.is_active():
                theirs += [m.id() * POSITION_SPAN + p for p in m.value_as("positions")]
                m.next()
            assert len(theirs) > 1500
            assert cache.positions("body", text, cache.live).tolist() == theirs
        # Only the documents asked for.
        first = np.zeros(cache.size, dtype=bool)
        first[0] = True
        nafta = searcher.schema["body"].to_bytes(keys[0])
        assert {int(k) // POSITION_SPAN for k in cache.positions("body", nafta, first)} == {0}


def test_reading_positions_leaves_the_cycle_collector_as_it_was(segmented_index):
    import gc

    with segmented_index._ix.searcher() as searcher:
        cache = PostingReader(searcher.reader())
        text = next(iter(searcher.reader().lexicon("body")))
        assert gc.isenabled()
        cache.positions("body", text, cache.live)
        assert gc.isenabled()
        gc.disable()
        try:
            cache.positions("body", text, cache.live)
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_live_documents_with_and_without_deletions(segmented_index, tmp_path):
    with segmented_index._ix.searcher() as searcher:
        reader = searcher.reader()
        assert reader.has_deletions()
        assert PostingReader(reader).live.nonzero()[0].tolist() == list(reader.all_doc_ids())
    with build_index(tmp_path / "whole", random_docs(20, seed=3)) as whole:
        with whole._ix.searcher() as searcher:
            assert PostingReader(searcher.reader()).live.all()


@pytest.mark.parametrize("fieldname", ["body", "place", "person"])
def test_a_whole_field_read_in_term_order_equals_whoosh_term_by_term(segmented_index, fieldname):
    with segmented_index._ix.searcher() as searcher:
        for leaf, offset in searcher.reader().leaf_readers():
            deleted = set(leaf.segment().deleted_docs())
            ours = list(leaf_field_docs(leaf, fieldname, offset))
            assert [text for text, _ in ours] == list(leaf.lexicon(fieldname))
            assert ours  # the field has terms in every segment
            for text, docs in ours:
                # Whoosh's matcher skips deleted documents; leaf_field_docs keeps them.
                live = [d for d in docs if d - offset not in deleted]
                assert live == [d + offset for d in leaf.postings(fieldname, text).all_ids()]


@pytest.mark.parametrize("seed", range(5))
def test_membership_of_document_lists_equals_numpys_whatever_their_sizes(seed):
    """_among answers by binary search for a few documents in a long list and
    by marks for lists of like size: the same answer as np.isin either way."""
    from searchidx.rank.scorer import _among

    rng = np.random.default_rng(seed)
    for size in (1, 50, 5000):
        for share_a, share_b in ((0.001, 0.9), (0.5, 0.5), (0.9, 0.01), (0.0, 0.3), (0.3, 0.0)):
            docs = np.flatnonzero(rng.random(size) < share_a).astype(np.int64)
            ascending = np.flatnonzero(rng.random(size) < share_b).astype(np.int64)
            assert np.array_equal(_among(docs, ascending), np.isin(docs, ascending))
