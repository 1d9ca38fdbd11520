"""People named again where the words around them say nothing: a surname
opening a sentence, a capitalised common word the article names a person by
elsewhere (analyzers.entities.discourse, classify.confirm)."""

from __future__ import annotations

from analyzers import extract_entities
from analyzers.entities.discourse import nicknamed, person_again


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
    found = [(0, 7, "PER", "Shpresa Gashi")]
    text = "Shpresa foli dje.\n\nShpresa është e madhe, tha ajo, dhe shpresa mbetet."
    assert person_again(found, text) == found
    # with no lowercase use, the capitalised word is the person's
    text = "Shpresa foli dje.\n\nShpresa tha se do të vijë."
    assert person_again(found, text) == found + [(19, 26, "PER", "Shpresa Gashi")]


def test_a_word_of_a_longer_name_or_inside_another_mention_is_left_alone():
    text = "Tara foli dje. Ajo takoi Tara Hoxhën, dhe Tara tha se vjen."
    found = [(0, 4, "PER", "Tara"), (25, 36, "ORG", "Tara Hoxha")]
    # (25: covered; a capitalised word after it: part of another name)
    assert person_again(found, text) == found + [(42, 46, "PER", "Tara")]
    assert person_again(found, "Tara foli dje. Me Tara Hoxha erdhi.") == found


def test_a_word_two_people_are_named_by_names_neither():
    text = "Ana Hoti dhe Besa Hoti erdhën.\n\nHoti tha se po."
    found = [(0, 8, "PER", "Ana Hoti"), (13, 22, "PER", "Besa Hoti")]
    assert person_again(found, text) == found


def test_only_a_person_s_full_name_lends_its_last_word():
    text = "Ministri rus i Energjisë foli. Sekretari i Energjisë tha."
    found = [(9, 24, "PER", "Rusi i Energjisë")]
    assert person_again(found, text) == found


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
