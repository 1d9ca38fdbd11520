"""Did you mean: corrections from the index's own words, diacritics restored."""

from collections import Counter

import pytest

from searchidx import Index
from searchidx.results.suggest import Vocabulary, bounded_distance, match_case


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    texts = {
        "a.txt": " date 2023 Ministri foli për Kinën dhe Kinës i dha mbështetje.",
        "b.txt": " date 2023 Ekonomia e Kinës u rrit. Qeveria e Kinës vendosi.",
        "c.txt": " date 2022 Kinës i duhet energji. Ministri i Kinës në Tiranë.",
        "d.txt": " date 2021 Parlamenti miratoi buxhetin e ri.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Index.create(tmp_path_factory.mktemp("index")) as opened:
        opened.add_folder(folder)
        yield opened


def test_a_typo_that_finds_nothing_gets_a_suggestion_that_finds_something(index):
    results = index.search("Parlamneti")
    assert results.total == 0 and results.suggestion == "Parlamenti"
    assert index.search(results.suggestion).total == 1


def test_missing_diacritics_are_restored_in_the_suggestion(index):
    assert index.search("Kinse").suggestion == "Kinës"
    assert index.search("ekonomia kinse").suggestion == "ekonomia kinës"


def test_operators_and_filters_are_kept_in_the_suggestion(index):
    assert index.search("Parlamneti AND buxhetin data:2021").suggestion == "Parlamenti AND buxhetin data:2021"


def test_a_query_that_finds_enough_gets_no_suggestion(index):
    assert index.search("Kinës").suggestion is None
    assert index.search("Parlamenti").suggestion is None


def test_nothing_close_means_no_suggestion(index):
    assert index.search("xylofon").suggestion is None


def test_vocabulary_prefers_the_frequent_spelling_and_keeps_common_words():
    vocabulary = Vocabulary(Counter({"kinës": 40, "kines": 2, "qeveria": 30, "qeveri": 25}))
    assert vocabulary.correct("Kines") == "kinës"
    assert vocabulary.correct("qeveri") is None  # written often enough as it is
    assert vocabulary.correct("qeverai") == "qeveria"


def test_edit_distance_counts_a_transposition_as_one():
    assert bounded_distance("kinse", "kines", 2) == 1
    assert bounded_distance("abc", "xyz", 1) == 2
    assert match_case("kinës", "KINES") == "KINËS" and match_case("kinës", "Kines") == "Kinës"


def test_a_word_no_article_holds_gets_a_suggestion_even_when_others_find_plenty(index):
    # "Kinës" alone finds three articles; the misspelt word would be ignored.
    results = index.search("Kinës Parlamneti")
    assert results.total >= 3 and results.suggestion == "Kinës Parlamenti"


def test_suggestions_can_be_turned_off(index):
    assert index.search("Parlamneti", suggest=False).suggestion is None


def test_a_long_query_that_finds_plenty_is_not_corrected(index):
    # A pasted headline nearly always holds a word no article has (a name, a
    # number); correcting it would cost a second search on every such query.
    results = index.search("Ministri Kinës Ekonomia Qeveria Parlamneti")
    assert results.total >= 3 and results.suggestion is None


def test_a_word_typed_with_its_e_left_out_is_nearer_than_another_one_edit_away():
    # nafts: naftë (s for ë) and naftës (ë left out) are both one edit away;
    # leaving ë out is how Albanian is often typed, so naftës wins even
    # where naftë is the more frequent word.
    vocabulary = Vocabulary(Counter({"naftë": 9, "naftës": 4, "nafta": 2}))
    assert vocabulary.correct("nafts") == "naftës"
    assert vocabulary.correct("naftes") == "naftës"  # e for ë: restored as before
    assert vocabulary.correct("nafte") == "naftë"
