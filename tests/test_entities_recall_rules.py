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
