"""Publication dates as exports, feeds and pages write them (dates.parse_published)."""

import pytest

from searchidx.dates import parse_published


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("2023", "2023", "year"),
        ("2023-10", "2023-10", "month"),
        ("2023-10-17", "2023-10-17", "day"),
        # ISO 8601 with a time and a zone: the day as written, in the writer's zone
        ("2023-10-17T08:30:00+02:00", "2023-10-17", "day"),
        ("2023-10-17T00:30:00+02:00", "2023-10-17", "day"),  # still the 16th in UTC
        ("2023-10-17T23:30:00-05:00", "2023-10-17", "day"),  # already the 18th in UTC
        ("2023-10-17 08:30", "2023-10-17", "day"),
        ("2023-10-17T08:30:00.123Z", "2023-10-17", "day"),
        # RFC 822, as RSS writes it
        ("Tue, 17 Oct 2023 08:30:00 +0200", "2023-10-17", "day"),
        ("Tue, 17 Oct 2023 23:30:00 -0500", "2023-10-17", "day"),
        ("17 Oct 2023 08:30 GMT", "2023-10-17", "day"),
        # Albanian
        ("17 tetor 2023", "2023-10-17", "day"),
        ("17 Tetor 2023", "2023-10-17", "day"),
        ("17 tetorit 2023", "2023-10-17", "day"),
        ("e martë, 17 tetor 2023, 08:30", "2023-10-17", "day"),
        ("17 tet. 2023", "2023-10-17", "day"),
        ("3 nëntor 2023", "2023-11-03", "day"),
        ("3 nentor 2023", "2023-11-03", "day"),
        ("tetor 2023", "2023-10", "month"),
        ("17.10.2023", "2023-10-17", "day"),
        ("17.10.2023.", "2023-10-17", "day"),
        ("17.10.2023 08:30", "2023-10-17", "day"),
        ("  17 tetor   2023 ", "2023-10-17", "day"),
    ],
)
def test_each_form_gives_the_date_in_the_precision_it_has(text, expected, precision):
    date = parse_published(text)
    assert (str(date), date.precision) == (expected, precision)


def test_the_four_forms_of_one_day_agree():
    forms = ["2023-10-17T08:30:00+02:00", "Tue, 17 Oct 2023 08:30:00 +0200", "17 tetor 2023", "17.10.2023"]
    assert {parse_published(form) for form in forms} == {parse_published("2023-10-17")}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "dje",
        "17 foo 2023",
        "32.10.2023",
        "31 shkurt 2023",
        "2023-13-01T08:00",
        "Tue, 31 Feb 2023 08:00:00 +0000",
        "17/10/2023",  # day and month order cannot be told apart in general
        "0000-01-01T00:00",
        "2023-10-17T08:30 " + "x" * 200,
        "1" * 10_000,
    ],
)
def test_anything_else_is_refused_with_a_reason(text):
    with pytest.raises(ValueError) as error:
        parse_published(text)
    assert len(str(error.value)) < 200
