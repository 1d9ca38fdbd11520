"""The reading view's data: a whole article and every matched word in it."""

from searchidx import Index

from conftest import SEED


def test_article_marks_every_inflected_match(make_corpus, index_dir):
    folder = make_corpus(
        {
            SEED.name: SEED.read_bytes(),
            "other.txt": " date 2021 Kinës i shkruan, KINES e thërret, pastaj kines; Rusia jo.",
        }
    )
    with Index.create(index_dir) as index:
        index.add_folder(folder)
        article = index.article("other.txt", "Kines")
    assert article.date == "2021" and article.date_precision == "year"
    assert article.body.startswith("Kinës i shkruan")
    # The analyzer decides what matches: case and ë folded, whatever the form typed.
    assert [article.body[a:b] for a, b in article.matches] == ["Kinës", "KINES", "kines"]


def test_article_without_a_query_has_no_matches_and_a_missing_one_is_none(make_corpus, index_dir):
    folder = make_corpus({SEED.name: SEED.read_bytes()})
    with Index.create(index_dir) as index:
        index.add_folder(folder)
        article = index.article(SEED.name)
        assert article.matches == [] and article.date == "2023-10"
        assert index.article("missing.txt", "Kina") is None


def test_same_relative_path_in_two_folders_prefers_the_one_the_query_matches(make_corpus, index_dir):
    first = make_corpus({"a.txt": "Tirana është kryeqyteti."}, name="one")
    second = make_corpus({"a.txt": "Prishtina është kryeqyteti."}, name="two")
    with Index.create(index_dir) as index:
        index.add_folder(first)
        index.add_folder(second)
        assert index.article("a.txt", "Prishtina").body.startswith("Prishtina")
        assert index.article("a.txt", "Tirana").body.startswith("Tirana")


def test_a_word_only_in_the_body_is_marked_in_every_form(make_corpus, index_dir):
    # No title holds the word: Whoosh's own Query.existing_terms looks at the
    # title leaf of `title:x OR body:x` alone and would find nothing to mark.
    folder = make_corpus(
        {
            "a.txt": " date 2021 Tirana priti një samit të Ballkanit.\n\nMinistrat folën për Kinën dhe tregtinë me Kinës.",
            "b.txt": " date 2022 Prishtina ndërtoi një rrugë të re.",
        }
    )
    with Index.create(index_dir) as index:
        index.add_folder(folder)
        article = index.article("a.txt", "Kina")
    assert [article.body[a:b] for a, b in article.matches] == ["Kinën", "Kinës"]


def test_a_hits_key_opens_that_very_article_when_two_folders_share_a_path(make_corpus, index_dir):
    first = make_corpus({"a.txt": "Kina dhe Tirana nënshkruan një marrëveshje."}, name="one")
    second = make_corpus({"a.txt": "Kina dhe Prishtina hapën një zyrë."}, name="two")
    with Index.create(index_dir) as index:
        index.add_folders([first, second])
        hits = index.search("Kina").hits
        assert [hit.path for hit in hits] == ["a.txt", "a.txt"]
        assert len({hit.key for hit in hits}) == 2
        for hit in hits:
            article = index.article(hit.key, "Kina")
            assert article.path == "a.txt" and article.title == hit.title
            assert [article.body[a:b] for a, b in article.matches] == ["Kina"]
        assert index.article(str(first / "missing.txt")) is None
