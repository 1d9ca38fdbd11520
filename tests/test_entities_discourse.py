"""People named again where the words around them say nothing: a surname
opening a sentence, a capitalised common word the article names a person by
elsewhere (analyzers.entities.discourse)."""

from __future__ import annotations

from analyzers import extract_entities
from analyzers.entities import gazetteer
from analyzers.entities.discourse import nicknamed, people_again


def again(found: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
    """people_again as extraction calls it, given these mentions."""
    people = [text[s:e].rpartition(" ")[2] for s, e, t, _ in found if t == "PER"]
    return people_again(found, text, people, False, gazetteer.load())


def people(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in extract_entities(text) if m.type == "PER"]


def test_a_surname_opening_a_paragraph_is_the_person_the_article_names():
    # "Veseli" is a common word of the lexicon (veseli, gaiety): opening a
    # sentence, by itself it is dropped; the article names Kadri Veseli
    text = (
        "Kryetari i partisë, Kadri Veseli, ka vizituar sot Skenderajn.\n\n"
        "Veseli ka folur për nevojën e një angazhimi edhe më të madh."
    )
    assert people(text) == [("Kadri Veseli", "Kadri Veseli"), ("Veseli", "Kadri Veseli")]


def test_a_common_word_the_article_writes_in_lowercase_stays_common_opening_a_sentence():
    found = [(0, 6, "PER", "Kadri Veseli")]
    text = "Veseli foli dje.\n\nVeseli e gëzim, tha ajo, dhe veseli mbushi sallën."
    assert again(found, text) == found
    # with no lowercase use, the capitalised word is the person's
    text = "Veseli foli dje.\n\nVeseli tha se do të vijë."
    assert again(found, text) == found + [(18, 24, "PER", "Kadri Veseli")]


def test_a_word_of_a_longer_name_or_inside_another_mention_is_left_alone():
    text = "Tara foli dje. Ajo takoi Tara Hoxhën, dhe Tara tha se vjen."
    found = [(0, 4, "PER", "Tara"), (25, 36, "ORG", "Tara Hoxha")]
    # (25: covered; a capitalised word after it: part of another name)
    assert again(found, text) == found + [(42, 46, "PER", "Tara")]
    assert again(found, "Tara foli dje. Me Tara Hoxha erdhi.") == found


def test_a_word_two_people_are_named_by_names_neither():
    text = "Ana Veseli dhe Besa Veseli erdhën.\n\nVeseli tha se po."
    found = [(0, 10, "PER", "Ana Veseli"), (15, 26, "PER", "Besa Veseli")]
    assert again(found, text) == found
    # one of them: the same words give the surname its person
    assert again(found[:1], text) == found[:1] + [(36, 42, "PER", "Ana Veseli")]


def test_a_word_cutting_never_drops_is_asked_nothing():
    # Hoti is no common word: wherever it stands alone with a capital, cutting kept it
    text = "Avdullah Hoti foli.\n\nHoti tha se po."
    found = [(0, 13, "PER", "Avdullah Hoti")]
    assert again(found, text) == found


def test_only_a_person_s_full_name_lends_its_last_word():
    text = "Ministri rus i Energjisë foli. Sekretari i Energjisë tha."
    found = [(9, 24, "PER", "Rusi i Energjisë")]
    assert again(found, text) == found


def test_a_surname_opening_a_sentence_is_the_well_known_person_of_the_curated_list():
    text = "Juventusi humbi ndeshjen e fundit.\n\nPjanic do të karantinohet për 15 ditë."
    assert people(text) == [("Pjanic", "Miralem Pjanic")]


def test_a_two_letter_word_opening_a_sentence_is_no_well_known_surname():
    # Un, the last word of Kim Jong Un, opening a French title
    text = "Në kategorinë studentore:\n\nUn diable dans la poche"
    assert people(text) == []


def test_a_quoted_nickname_inside_a_name_makes_one_person():
    text = "Aktori Dwayne ‘The Rock’ Johnson foli dje.\n\nThe Rock tha se po."
    found = [(m.text, m.type, m.canonical) for m in extract_entities(text)]
    assert found[0] == ("Dwayne ‘The Rock’ Johnson", "PER", "Dwayne Johnson")
    assert ("The Rock", "PER", "Dwayne Johnson") in found
    text = 'Dita kur fizikani Johannes Wilhelm "Hans" Geiger lindi. Metodën e zhvilloi fizikani Geiger.'
    found = [(m.text, m.type, m.canonical) for m in extract_entities(text)]
    assert found == [
        ('Johannes Wilhelm "Hans" Geiger', "PER", "Johannes Wilhelm Geiger"),
        ("Geiger", "PER", "Johannes Wilhelm Geiger"),
    ]


def test_a_quoted_title_between_two_people_joins_them_not():
    # a song's title in quotes, then more than spaces before the next person
    text = "Kënga e Dua Lipës “Levitating”, tha Rita Ora, e pëlqeu."
    found = [(9, 18, "PER", "Dua Lipa"), (37, 45, "PER", "Rita Ora")]
    assert nicknamed(found, text) == found
    # four words in quotes: no nickname
    text = "Trump “Make America Great Again” Biden"
    found = [(0, 5, "PER", "Donald Trump"), (33, 38, "PER", "Joe Biden")]
    assert nicknamed(found, text) == found


def test_a_place_named_after_a_person_is_a_place():
    text = "Aksidenti ndodhi në kryqëzimin e Bestwood Street me Evelyn Street, në Londër."
    types = {m.text: m.type for m in extract_entities(text)}
    assert types["Evelyn Street"] == "LOC"


def test_a_title_written_in_capitals_is_a_title_not_an_acronym():
    found = [(m.text, m.type) for m in extract_entities("Dje TRAJNERI Conte mori pjesë në takim.")]
    assert found == [("Conte", "PER")]
    assert [(m.text, m.type) for m in extract_entities("PRESIDENTI Putin foli.")] == [("Putin", "PER")]


def test_a_capitalised_common_word_after_a_title_and_per_is_the_office_s_field():
    text = "Shefi i Divizionit për Vlerësim në ministri, Fatmir Elezi, foli dje."
    assert people(text) == [("Fatmir Elezi", "Fatmir Elezi")]


def test_a_wife_named_after_gruan_is_a_person():
    # gruan, gruas: the accusative and genitive of grua (wife) are titles as gruaja is
    text = "Aktori tha se takimi me gruan e tij Roze është gjëja më e mirë."
    assert people(text) == [("Roze", "Roze")]


def test_an_arabic_article_capitalised_opening_a_sentence_is_the_full_name_s():
    text = (
        "Ministri i Jashtëm Walid al-Moualem tha se kushtet po përmirësohen.\n\n"
        "Al-Moualem tha se regjimi do ta mirëpriste ndihmën."
    )
    assert people(text) == [("Walid al-Moualem", "Walid al-Moualem"), ("Al-Moualem", "Walid al-Moualem")]


def test_where_a_quoted_nickname_stands():
    from analyzers.entities.discourse import _nickname_at

    text = "Dwayne ‘The Rock’ Johnson"
    assert _nickname_at(text, 6) == (8, 16, 18)  # the words, and where the surname starts
    assert _nickname_at('Hans "Hansi" Flick', 4) == (6, 11, 13)
    assert _nickname_at("Dwayne ‘the rock’ Johnson", 6) is None  # lowercase: no name
    assert _nickname_at("Ana ‘Një Dy Tre Katër’ Hoti", 3) is None  # four words
    assert _nickname_at("Ana ‘Zana’, Hoti", 3) is None  # no space after the quote
    assert _nickname_at("Ana‘Zana’ Hoti", 3) is None  # no space before it
