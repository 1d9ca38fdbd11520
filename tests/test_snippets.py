"""Snippets: the best passage, with the matched words (inflected forms too) marked."""

import pytest

from searchidx import Index
from searchidx.results.snippets import opening_snippet

from conftest import SEED


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "tjeter.txt").write_text(
        " date 2021 " + "Fjali pa lidhje me temën. " * 30 + "Në fund flitet për Tajvanin dhe Pekinin.",
        encoding="utf-8",
    )
    with Index.create(tmp_path_factory.mktemp("index")) as index:
        index.add_folder(folder)
        yield index


def marked(hit):
    return [hit.snippet.text[a:b] for a, b in hit.snippet.highlights]


def test_an_inflected_form_is_highlighted(seed_index):
    hit = next(h for h in seed_index.search("Kina").hits if h.path == SEED.name)
    assert "Kinës" in marked(hit)


def test_a_query_without_diacritics_highlights_the_written_form(seed_index):
    hit = next(h for h in seed_index.search("Kines").hits if h.path == SEED.name)
    assert "Kinës" in marked(hit)


def test_the_snippet_is_the_passage_with_the_matches(seed_index):
    (hit,) = [h for h in seed_index.search("Tajvanin").hits if h.path == "tjeter.txt"]
    assert hit.snippet.text.startswith("…") and "Tajvanin" in hit.snippet.text
    assert marked(hit) == ["Tajvanin"]


def test_a_phrase_highlights_its_words_but_not_every_stop_word(seed_index):
    hit = seed_index.search('"Brezi dhe Rruga"').hits[0]
    words = [w.lower() for w in marked(hit)]
    assert "brezi" in words and "rruga" in words  # side by side: the phrase's passage
    assert "dhe" not in words


def test_highlight_offsets_are_true_character_offsets_on_one_line(seed_index):
    for hit in seed_index.search("Pekin Moskës Ukrainës").hits:
        assert "\n" not in hit.snippet.text
        for a, b in hit.snippet.highlights:
            assert 0 <= a < b <= len(hit.snippet.text)
            assert hit.snippet.text[a:b].strip() == hit.snippet.text[a:b]


def test_an_article_matched_by_a_filter_alone_opens_with_its_start(seed_index):
    hit = seed_index.search("", filters=["data:2023"]).hits[0]
    assert hit.snippet.text.startswith("Presidenti rus") and hit.snippet.highlights == []


def test_a_snippet_without_matches_cuts_at_a_word():
    snippet = opening_snippet("fjalë " * 100)
    assert snippet.text.endswith("…") and len(snippet.text) <= 221 and snippet.highlights == []


def test_the_reading_view_marks_what_the_snippet_marks(seed_index):
    """One way of marking matches (the postings' positions) for both."""
    for query in ("Kines", "Tajvanin Pekinin", '"Brezi dhe Rruga"'):
        for hit in seed_index.search(query).hits:
            article = seed_index.article(hit.key, query=query)
            in_article = {article.body[a:b] for a, b in article.matches}
            assert set(marked(hit)) <= in_article, (query, hit.path)
            assert in_article


@pytest.mark.parametrize(
    "cut_after, expected_end",
    [("fundit.", "fundit."), ("fundit,", "fundit…"), ("fundit", "fundit…"), ("fundit?", "fundit?")],
)
def test_a_cut_passage_never_ends_in_punctuation_and_an_ellipsis(cut_after, expected_end):
    from searchidx.results.snippets import SNIPPET_CHARS, opening_snippet, with_ellipsis

    assert with_ellipsis(f"Lajmi i {cut_after}") == f"Lajmi i {expected_end}"
    # The cut falls right after cut_after: the next word would pass SNIPPET_CHARS.
    text = "x" * (SNIPPET_CHARS - 8 - len(cut_after)) + " " + cut_after + " tjetër" * 40
    snippet = opening_snippet(text).text
    assert not any(snippet.endswith(p + "…") for p in ".,;:!?")
    assert snippet.endswith(expected_end)


def test_stored_token_starts_are_the_tokenizers_and_survive_a_merge(tmp_path):
    """The body's token starts, noted at analysis and stored with the
    article, are where the tokenizer puts them, after segments merge too;
    snippets from them equal snippets that split the text again."""
    from analyzers import tokenize
    from searchidx.codec.formats import decode_starts
    from searchidx.results.snippets import matched_positions, snippet_at

    from conftest import add_documents, build_index, random_docs

    docs = random_docs(60, seed=3) + [("hyphen.txt", None, "OKB-së dhe s'ka Izrael-Hamas 06-24.08.2020 nafta.", {})]
    with build_index(tmp_path / "index", docs[:30]) as index:
        add_documents(index, docs[30:])
        for optimized in (False, True):
            if optimized:
                index.optimize()
            with index._ix.searcher() as searcher:
                assert len(searcher.reader().leaf_readers()) == (1 if optimized else 2)
                for docnum in range(searcher.doc_count_all()):
                    fields = searcher.stored_fields(docnum)
                    starts = decode_starts(fields["token_starts"])
                    assert starts.tolist() == [start for _, start, _ in tokenize(fields["body"])]
            session = index._search_session()
            searcher, _, postings, _ = session._current()
            for query in ("nafta gazi", "Izrael Hamas OKB", "rruga"):
                for hit in index.search(query).hits:
                    docnum = searcher.document_number(key=hit.key)
                    fields = searcher.stored_fields(docnum)
                    terms = frozenset(t.text for t in searcher.schema["body"].analyzer(query))
                    with postings.one_search():
                        (matched,) = matched_positions(postings, [docnum], [terms])
                    starts = decode_starts(fields["token_starts"])
                    assert snippet_at(fields["body"], matched, starts) == snippet_at(fields["body"], matched)


def test_a_word_too_long_to_index_keeps_its_position_in_the_highlight(make_corpus, tmp_path):
    """Words longer than the tokenizer indexes keep their position (as the
    index numbers it): the match after one is marked, not the word after it."""
    from searchidx import Index
    from searchidx.results.snippets import token_spans

    text = "Fjala " + "x" * 300 + " Pastaj Kina dhe Rusia."
    kina = text.index("Kina")
    assert token_spans(text, {3: "kina"}) == [(kina, kina + 4, "kina")]
    folder = make_corpus({"gjate.txt": " date 2023 " + text})
    with Index.create(tmp_path / "index") as index:
        index.add_folder(folder)
        hit = index.search("Kina").hits[0]
    marked = [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]
    assert marked == ["Kina"]
