"""Rules of the eighth round (issue #15, session 12) for names missed or
cut wrong, learnt from the causes the blind news8 dev half showed: each a
rule of grammar or evidence, held here by sentences written for it and by
the near misses it must leave alone."""

from analyzers.entities import extract_entities


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.canonical) for m in extract_entities(text)]


def test_a_place_and_a_cardinal_points_adjective_are_one_region():
    assert found("Ministri foli për paqen në Ballkanin Perëndimor dhe për tregtinë me Evropën Juglindore.") == [
        ("Ballkanin Perëndimor", "LOC", "Ballkani Perëndimor"),
        ("Evropën Juglindore", "LOC", "Evropa Juglindore"),
    ]
    assert found("Çmimet ranë në Gjermaninë Lindore pas bashkimit.") == [
        ("Gjermaninë Lindore", "LOC", "Gjermania Lindore")
    ]
    # a club of the same name as a place, before the adjective: the region
    assert found("Ajo është e para nga Ballkani Perëndimor në këtë gjykatë.") == [
        ("Ballkani Perëndimor", "LOC", "Ballkani Perëndimor")
    ]


def test_a_cardinal_points_adjective_after_an_institution_or_alone_is_no_region():
    assert found("Studentët e Universitetit Jugor protestuan.") == [
        ("Universitetit Jugor", "ORG", "Universiteti Jugor")
    ]
    assert found("Ai foli për Ballkanin dhe Evropën.") == [
        ("Ballkanin", "LOC", "Ballkan"),
        ("Evropën", "LOC", "Evropa"),
    ]


def test_a_first_name_that_is_a_common_word_opens_a_persons_name():
    # opening a sentence (the common word was dropped), after a comma (cut
    # off as a common noun before a person), and typed a person, not an
    # institution (a common noun and an adjective in -an)
    assert found("Besa Krasniqi tha se provimet shtyhen.") == [("Besa Krasniqi", "PER", "Besa Krasniqi")]
    assert found("Fisnik Berisha deklaroi se nuk do të kandidojë.") == [("Fisnik Berisha", "PER", "Fisnik Berisha")]
    assert found("Zëdhënësja e komunës, Drita Gashi, e konfirmoi lajmin.") == [("Drita Gashi", "PER", "Drita Gashi")]
    assert found("Trajneri i ri, Mike Donovan, u prezantua dje.") == [("Mike Donovan", "PER", "Mike Donovan")]


def test_a_common_word_before_no_surname_stays_no_name():
    # a preposition, a numeral, a common noun and its adjective, a title:
    # no first name however the list spells them
    assert found("Nga Podujeva erdhën shumë njerëz.") == [("Podujeva", "LOC", "Podujeva")]
    assert found("Drita e diellit ishte e fortë.") == []
    assert found("Kisha Katolike njoftoi besimtarët.") == [("Kisha Katolike", "ORG", "Kisha Katolike")]
    assert found("Drejtori Ahmeti tha se jo.") == [("Ahmeti", "PER", "Ahmeti")]
    assert found("Administratës Trump i mungon plani.") == [("Trump", "PER", "Donald Trump")]


def test_such_a_first_name_starts_a_person_inside_a_run():
    # a title's genitive, then the person: the run is cut before the first name
    assert found("U emërua ministri i Bujqësisë Fisnik Bekteshi dje.") == [
        ("Fisnik Bekteshi", "PER", "Fisnik Bekteshi")
    ]
    # a place named after a person stays whole
    assert found("Ndeshja u luajt në Stadiumin Fadil Vokrri.") == [
        ("Stadiumin Fadil Vokrri", "LOC", "Stadiumi Fadil Vokrri")
    ]


def test_a_place_and_a_word_of_organisation_names_are_one_organisation():
    assert found("Sipas gazetës Denver Herald, ai do të japë dorëheqje.") == [("Denver Herald", "ORG", "Denver Herald")]
    assert found("Ai tha për Washington Examiner se nuk do të tërhiqet.") == [
        ("Washington Examiner", "ORG", "Washington Examiner")
    ]
    # the place before a word of no such name stays a place
    assert found("Ai jeton në Washington prej vitesh.") == [("Washington", "LOC", "Uashington")]


def test_a_first_names_patronymic_is_a_surname_though_a_common_word():
    # Asllan (a first name, and a lion) + the definite -i: a person's name by its shape
    assert found("Fotografia e Dorant Asllani u shpërnda shpejt.") == [("Dorant Asllani", "PER", "Dorant Asllani")]
    # a common word that is no first name's patronymic stays no surname
    assert found("Dje Komiteti Teknik njoftoi vendimin.") == [("Komiteti Teknik", "ORG", "Komiteti Teknik")]


def test_a_known_place_and_an_english_plural_name_a_team():
    assert found("Ndeshja mes Boston Hawks dhe ekipit vendas u shty.") == [("Boston Hawks", "ORG", "Boston Hawks")]
    # a surname of that shape after an unlisted first name stays a person's
    assert found("Golin e shënoi Keandre Jacobs në minutën e fundit.") == [("Keandre Jacobs", "PER", "Keandre Jacobs")]


def test_a_notices_heading_of_places_makes_its_list_places():
    notice = "Pa rrymë do të jenë nesër.\n\nVendet:  Gllavicë, Shpatkoc, Rrahovicë dhe Lugadrenë."
    assert [(m.text, m.type) for m in extract_entities(notice)] == [
        ("Gllavicë", "LOC"),
        ("Shpatkoc", "LOC"),
        ("Rrahovicë", "LOC"),
        ("Lugadrenë", "LOC"),
    ]
    # a heading that is no place noun leaves its list alone
    assert ("Shpatkoc", "LOC") not in [
        (m.text, m.type) for m in extract_entities("Të ftuarit:  Gllavicë, Shpatkoc, Rrahovicë dhe Lugadrenë.")
    ]


def test_a_super_cup_is_a_competition_not_a_place():
    assert found("Ata fituan Superkupën e Shqipërisë vitin e kaluar.") == [
        ("Superkupën e Shqipërisë", "MISC", "Superkupa e Shqipërisë")
    ]


def test_an_acronym_and_a_word_of_organisation_names_are_one_outlet():
    assert found("Në një intervistë për XYZ Sport, trajneri foli gjatë.") == [("XYZ Sport", "ORG", "XYZ Sport")]
    # a club's prefix keeps its own rule, a lone acronym stays itself
    assert found("FC Prishtina fitoi dje.") == [("FC Prishtina", "ORG", "FC Prishtina")]
    assert found("Lajmin e dha BBC dje.") == [("BBC", "ORG", "BBC")]


def test_such_a_first_name_alone_is_the_person_the_article_names_in_full():
    assert found("Flora Berisha u martua dje. Dasma e Florës ishte e thjeshtë, por Flora dukej e lumtur.") == [
        ("Flora Berisha", "PER", "Flora Berisha"),
        ("Flora", "PER", "Flora Berisha"),
    ]
    # with no one of that name in the article, the capital is emphasis
    assert found("Në këtë kohë të vitit Flora e malit lulëzon.") == []


def test_a_quoted_venue_is_a_place():
    assert found("Ndeshja e radhës luhet në ‘Agim Ramadani’ të dielën.") == [("Agim Ramadani", "LOC", "Agim Ramadani")]
    assert found("Ai nuk do të luajë më në ‘Olympic Stadium’ këtë vit.") == [
        ("Olympic Stadium", "LOC", "Olympic Stadium")
    ]
    # a show or a journal after në is no venue
    assert found("Ai u paraqit në “Late Evening Show” dje.") == [("Late Evening Show", "MISC", "Late Evening Show")]


def test_a_first_name_and_e_before_a_full_name_are_two_people():
    assert found("Gjykata dënoi vëllezërit Florim e Drilon Hasani.") == [
        ("Florim", "PER", "Florim"),
        ("Drilon Hasani", "PER", "Drilon Hasani"),
    ]
    assert found("Lidhja Demokratike e Kosovës fitoi.") == [("Lidhja Demokratike e Kosovës", "ORG", "LDK")]


def test_a_premiership_is_a_competition():
    assert found("Ekipi kryeson në Coral Premiership me tetë pikë.") == [
        ("Coral Premiership", "MISC", "Coral Premiership")
    ]
