from datetime import datetime

import pytest

from searchidx.dates import PartialDate, parse_date


@pytest.mark.parametrize(
    "text, precision, start, end",
    [
        ("2023", "year", datetime(2023, 1, 1), datetime(2023, 12, 31, 23, 59, 59, 999999)),
        ("2024-02", "month", datetime(2024, 2, 1), datetime(2024, 2, 29, 23, 59, 59, 999999)),
        ("2023-10-17", "day", datetime(2023, 10, 17), datetime(2023, 10, 17, 23, 59, 59, 999999)),
    ],
)
def test_a_date_names_a_period_in_its_precision(text, precision, start, end):
    date = parse_date(text)
    assert date.precision == precision
    assert (date.start, date.end) == (start, end)
    assert str(date) == text


def test_a_month_only_date_is_never_shown_as_the_first_of_the_month():
    assert str(parse_date("2023-10")) == "2023-10"
    assert str(PartialDate(2023, 10)) != "2023-10-01"


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23-10", "tetor 2023", "2023/10", ""])
def test_invalid_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)
