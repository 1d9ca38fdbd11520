"""Rules of session 12 (issue #15) for precision and typing, each written
from a class of errors read across the dev articles no gold covers: held
here by sentences we wrote ourselves and by the near misses each rule must
leave alone."""

from analyzers.entities import extract_entities


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.canonical) for m in extract_entities(text)]


def typed(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in extract_entities(text)]


def test_an_offices_field_after_per_is_no_name():
    # a bare common noun with an adjective or a genitive after "për": what
    # an office or a body is for, neither an organisation nor a person
    assert typed("Ai u takua me Këshilltarin për Siguri Kombëtare, Robert Brown.") == [("Robert Brown", "PER")]
    assert typed("Zëdhënësja e BE-së për Çështje të Jashtme foli sot.") == [("BE-së", "ORG")]
    assert typed("Kryesuesi i Divizionit për Marrëdhënie Bilaterale erdhi vonë.") == []


def test_a_name_after_per_in_the_definite_or_a_persons_name_stays():
    assert typed("Ai foli për Gjykatën Speciale dhe për Kosovën.") == [
        ("Gjykatën Speciale", "ORG"),
        ("Kosovën", "LOC"),
    ]
    # flori (gold) is a common noun; a surname after it makes a person
    assert typed("Dita ishte e rëndësishme për Flori Mumajesin.") == [("Flori Mumajesin", "PER")]
    # an institution's head joins its purposes whole (purposes.py), as before
    assert typed("Sipas Organizatës për Bashkëpunim dhe Zhvillim Ekonomik, rritja ra.") == [
        ("Organizatës për Bashkëpunim dhe Zhvillim Ekonomik", "ORG")
    ]


def test_a_name_holding_a_digit_is_no_persons():
    # a model's name has the shape of a person's (two capitalised words)
    assert typed("Seria e re Galaxy Note20 vjen me tri kamera, ndërsa Tab S7 kushton më pak.") == [
        ("Galaxy Note20", "MISC"),
        ("Tab S7", "MISC"),
    ]
    assert typed("Sot Raheem Sterling shënoi dy herë.") == [("Raheem Sterling", "PER")]


def test_a_list_under_a_heading_of_places_names_places():
    text = (
        "Rryma do të ndërprehet nga ora 10:00 deri në 14:00.  Vendet:  Dumnica, Samadrexha, Cicilia dhe Vilanci.  "
        "Rrugët: Bajram Curri, Bujar Roka dhe Hasan Dashi."
    )
    assert typed(text) == [
        ("Dumnica", "LOC"),  # (the first item after the colon opens no sentence)
        ("Samadrexha", "LOC"),
        ("Cicilia", "LOC"),
        ("Vilanci", "LOC"),
        ("Bajram Curri", "LOC"),  # streets named after people
        ("Bujar Roka", "LOC"),
        ("Hasan Dashi", "LOC"),
    ]


def test_a_list_under_another_heading_is_left_alone():
    assert typed("Të pranishëm ishin:  Fatmir Hoxha, Besnik Gashi dhe Agron Krasniqi.") == [
        ("Fatmir Hoxha", "PER"),
        ("Besnik Gashi", "PER"),
        ("Agron Krasniqi", "PER"),
    ]
    assert typed("Vendet: Gjermania, Franca dhe Italia e mbështetën.") == [
        ("Gjermania", "LOC"),
        ("Franca", "LOC"),
        ("Italia", "LOC"),
    ]


def test_a_document_or_a_cup_is_named_as_a_law_is_no_organisation():
    assert typed("Sipas Kushtetutës së Kosovës dhe Kodit Penal, vendimi është i drejtë.") == [
        ("Kushtetutës së Kosovës", "MISC"),
        ("Kodit Penal", "MISC"),
    ]
    assert typed("Nxënësit do t’i nënshtrohen Testit të Maturës, ndërsa klubet luajnë për Superkupën e Kosovës.") == [
        ("Testit të Maturës", "MISC"),
        ("Superkupën e Kosovës", "MISC"),
    ]


def test_a_plan_named_by_its_author_is_no_name():
    # plan is no document head: the plan of a person is that person's
    assert typed("Sot trajneri tha se plani i Pirlos është i qartë.") == [("Pirlos", "PER")]


def test_technical_abbreviations_are_no_organisations():
    text = "Nga TS 35/10 kV Badovci dhe në NS 110/10 kV Prishtina do të ndërpritet rryma, njofton KEDS."
    assert ("KEDS", "ORG") in typed(text)
    assert not {"TS", "NS"} & {t for t, _ in typed(text)}
    assert typed("Adresat IP u gjetën, ndërsa biletat VIP u shitën.") == []


def test_an_albanian_first_name_that_is_a_common_word_opens_a_persons_name():
    # Flora, Drita, Agim, Besa: common words too (flora, light, dawn, faith)
    assert typed("Zëdhënësja e Policisë, Flora Ahmeti, tha se po.") == [("Flora Ahmeti", "PER")]
    assert typed("Drita Krasniqi tha se nuk pajtohet.") == [("Drita Krasniqi", "PER")]
    assert typed("Agim Bajrami tha se nuk pajtohet.") == [("Agim Bajrami", "PER")]
    assert typed("Dje, Besa Gashi tha se nuk pajtohet.") == [("Besa Gashi", "PER")]
    # the first of a list after a colon opens a sentence (Agim was dropped, Luan too)
    assert typed("Të pranishëm ishin:  Agim Bajrami, Luan Hoxha dhe Besnik Gashi.") == [
        ("Agim Bajrami", "PER"),
        ("Luan Hoxha", "PER"),
        ("Besnik Gashi", "PER"),
    ]


def test_a_common_word_before_a_name_is_still_no_first_name():
    assert typed("Drita e diellit ra mbi Prishtinë.") == [("Prishtinë", "LOC")]
    assert typed("Administratës Trump i mbetën dy muaj.") == [("Trump", "PER")]
    assert typed("Tha Trump se do të fitojë.") == [("Trump", "PER")]  # a verb of saying, no first name


def test_a_place_in_brackets_after_a_player_in_a_list_of_clubs_is_his_club():
    text = (
        "Mbrojtësit: Jan Oblak (Atlético Madrid), Marc Bartra (Real Betis), Pau Torres (Villarreal), "
        "Rui Silva (Granada) dhe Diego Llorente (Leeds United)."
    )
    assert ("Granada", "ORG") in typed(text)


def test_a_place_in_brackets_after_a_person_elsewhere_stays_a_place():
    # one or two, with no list of clubs around them: a person's country
    assert ("Granada", "LOC") in typed("Kryeministri Keith Mitchell (Granada) foli në OKB.")


def test_a_name_after_the_abbreviation_of_street_is_a_street():
    assert typed("Rreth orës 19:00 në rr.Fadil Hoxha në Lipjan ndodhi një aksident.") == [
        ("Fadil Hoxha", "LOC"),
        ("Lipjan", "LOC"),
    ]
    assert typed("Një person u lëndua në Rr. Agim Ramadani në Prishtinë.") == [
        ("Agim Ramadani", "LOC"),  # (the abbreviation, no place of its own)
        ("Prishtinë", "LOC"),
    ]


def test_a_persons_name_with_no_abbreviation_before_it_stays_a_person():
    assert typed("Ai e pa Fadil Hoxhën në Prishtinë.")[0][1] == "PER"
    assert ("Ana Brnabiq", "PER") in typed("Takimi me Ana Brnabiq u mbajt sot.")


def test_brexit_is_an_event_not_a_place():
    assert found("Protesta ishte kundër Brexit, ndërsa pas Brexitit tregtia ra.") == [
        ("Brexit", "MISC", "Brexit"),
        ("Brexitit", "MISC", "Brexit"),
    ]


def test_an_english_first_name_that_is_an_albanian_word_opens_a_persons_name():
    # mike (female friends) is a common word; Mike is a common name in Britain and the US
    assert found("Drejtori Mike Buchanan tha se po.") == [("Mike Buchanan", "PER", "Mike Buchanan")]
