"""The query language's parser: every piece of syntax, and every broken query's message."""

import pytest

from searchidx.errors import QuerySyntaxError
from searchidx.query.filters import Filter
from searchidx.query.parser import (
    MUST,
    MUST_NOT,
    SHOULD,
    FilterClause,
    Group,
    Phrase,
    Word,
    parse_tree,
    plain_tree,
    query_filters,
    query_words,
)


def clauses(text):
    return parse_tree(text).clauses


def test_words_side_by_side_may_each_match():
    assert clauses("Kina Rusia") == ((SHOULD, Word("Kina")), (SHOULD, Word("Rusia")))


@pytest.mark.parametrize("operator", ["OR", "OSE"])
def test_or_is_the_same_as_words_side_by_side(operator):
    assert parse_tree(f"Kina {operator} Rusia").clauses == parse_tree("Kina Rusia").clauses
    assert parse_tree(f"Kina {operator} Rusia").explicit_or  # it matters for filters alone


@pytest.mark.parametrize("operator", ["AND", "DHE"])
def test_and_makes_both_required_and_binds_tighter(operator):
    (occur, group), (_, last) = clauses(f"Kina {operator} Rusia Moska")
    assert occur == SHOULD and group == Group(((MUST, Word("Kina")), (MUST, Word("Rusia"))))
    assert last == Word("Moska")


@pytest.mark.parametrize("text", ["Kina NOT Hamas", "Kina JO Hamas", "Kina -Hamas"])
def test_not_and_minus_exclude(text):
    assert clauses(text) == ((SHOULD, Word("Kina")), (MUST_NOT, Word("Hamas")))


def test_plus_requires():
    assert clauses("+Kina Rusia") == ((MUST, Word("Kina")), (SHOULD, Word("Rusia")))


def test_lowercase_operator_words_are_words():
    assert clauses("Brezi dhe Rruga ose jo") == tuple((SHOULD, Word(w)) for w in "Brezi dhe Rruga ose jo".split())


def test_phrases_parentheses_and_prefixes():
    assert clauses('"Brezi dhe Rruga" (Kina OR Rusia) ndërt*') == (
        (SHOULD, Phrase("Brezi dhe Rruga")),
        (SHOULD, Group(((SHOULD, Word("Kina")), (SHOULD, Word("Rusia"))), explicit_or=True)),
        (SHOULD, Word("ndërt", prefix=True)),
    )


def test_signs_apply_to_phrases_and_groups():
    assert clauses('-"Brezi dhe Rruga" +(Kina Rusia)') == (
        (MUST_NOT, Phrase("Brezi dhe Rruga")),
        (MUST, Group(((SHOULD, Word("Kina")), (SHOULD, Word("Rusia"))))),
    )


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("data:2023", "date", "2023"),
        ("data:2023-10", "date", "2023-10"),
        ("data:2023-10-17", "date", "2023-10-17"),
        ("data:2022..2023-06", "date", "2022..2023-06"),
        ("data:..2023", "date", "..2023"),
        ("data:2022..", "date", "2022.."),
        ("date:2023", "date", "2023"),
        ("person:Putin", "person", "Putin"),
        ('person:"Vladimir Putin"', "person", "Vladimir Putin"),
        ("vend:Kina", "place", "Kina"),
        ("place:Kina", "place", "Kina"),
        ("org:OKB", "org", "OKB"),
        ("entitet:Kina", "entity", "Kina"),
        ("Entity:Kina", "entity", "Kina"),
    ],
)
def test_field_filters(text, field, value):
    assert clauses(f"Kina {text}") == ((SHOULD, Word("Kina")), (SHOULD, FilterClause(Filter(field, value))))


def test_filters_written_in_the_query_are_listed():
    tree = parse_tree("Kina data:2023 vend:Tajvan -org:OKB")
    assert [f.text for f in query_filters(tree)] == ["data:2023", "vend:Tajvan"]


def test_a_word_with_a_colon_that_is_no_field_stays_a_word():
    assert clauses('Haradinaj: ora:12 Haradinaj:"gabim"') == (
        (SHOULD, Word("Haradinaj:")),
        (SHOULD, Word("ora:12")),
        (SHOULD, Word("Haradinaj")),
        (SHOULD, Phrase("gabim")),
    )


def test_a_lone_dash_is_punctuation_not_an_exclusion():
    assert clauses("Kosova - Serbia") == ((SHOULD, Word("Kosova")), (SHOULD, Word("-")), (SHOULD, Word("Serbia")))


def test_plain_mode_reads_everything_as_words():
    tree = plain_tree('Haradinaj: "Ndalja" AND data:2023 -Kina (OR')
    assert all(occur == SHOULD and isinstance(node, Word) for occur, node in tree.clauses)
    assert [node.text for _, node in tree.clauses][:3] == ["Haradinaj:", '"Ndalja"', "AND"]


def test_query_words_leave_out_negated_words_and_prefixes():
    assert query_words(parse_tree("Kina +Rusia -Hamas ndërt* data:2023")) == ["Kina", "Rusia"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("AND OR (", "AND at the start needs a word on its left"),
        ("DHE Kina", "DHE at the start"),
        ("Kina AND", "AND at the end needs a word on its right"),
        ("Kina OSE", "OSE at the end"),
        ("(Kina", r"unclosed '\('"),
        ("Kina)", r"unmatched '\)' at character 5"),
        ('"Brezi dhe', "unclosed quote"),
        ("Kina OR AND Rusia", "AND after OR needs a word on its left"),
        ("Kina AND OR Rusia", "OR after AND"),
        ("()", "empty parentheses"),
        ("   ", "the query is empty"),
        ("Kina NOT", "NOT at the end"),
        ("(Kina AND)", "missing a word after AND before '\\)'"),
        ("data:", "data: needs a value"),
        ("data:2023-13", "month out of range"),
        ("data:tetor", "not a date"),
        ("data:2024..2023", "ends before it starts"),
        ("data:..", "needs at least one date"),
        ("k*", "at least 2 letters"),
    ],
)
def test_broken_queries_explain_themselves_in_one_line(query, message):
    with pytest.raises(QuerySyntaxError, match=message) as raised:
        parse_tree(query)
    assert "\n" not in str(raised.value)


def test_filter_text_round_trips():
    for text in ["data:2022..2023-06", 'person:"Vladimir Putin"', "vend:Kina", "entitet:OKB"]:
        assert Filter.parse(text).text == text
    assert Filter.parse("place:Kina").text == "vend:Kina"
    with pytest.raises(QuerySyntaxError, match="not a filter"):
        Filter.parse("qyteti:Tiranë")


def test_building_returns_what_it_found_and_leaves_the_context_as_it_was():
    """The terms of single words and the stop words kept in phrases come back
    with the query; the context, which a search shares with its "did you
    mean" count, is never written to."""
    import dataclasses

    from searchidx.index.schema import build_schema
    from searchidx.query.builder import BuildContext, build_query

    schema = build_schema()
    context = BuildContext(
        schema=schema,
        field_weights={"body": 1.0},
        filter_docs=lambda f: set(),
        query_docs=lambda q: set(),
        live_docs=lambda: set(),
    )
    before = dict(vars(context))

    def key(word):
        (token,) = schema["body"].analyzer(word, mode="query", removestops=False)
        return token.text

    built = build_query(parse_tree('Kinës të "Brezi dhe Rruga" naft*'), context)
    assert built.terms == (key("Kinës"),)
    assert built.stop_terms == {key("dhe")}
    # Stop words alone are searched: the second building keeps them.
    assert build_query(parse_tree("të qenë"), context).terms == (key("të"), key("qenë"))
    assert vars(context) == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.keep_stop_words = True
