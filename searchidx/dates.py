"""Dates with a precision: an article may be dated to the year, month or day.

A month-only date must never be shown as the 1st of that month, so every date
carries its precision, and a date stands for a period (its first and last
moment) rather than a point.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime

DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

YEAR, MONTH, DAY = "year", "month", "day"

# The years an index holds. Whoosh's date column counts microseconds from
# year 1 and Python's datetime ends in year 9999, so a date near either end
# (` date 9999-12`, a common "unknown" placeholder) overflowed every facet,
# sort and date filter of the whole index. News archives need neither end:
# a date outside this span is reported and its article indexed as undated.
MIN_YEAR, MAX_YEAR = 1000, 2999


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        return MONTH if self.month is not None else YEAR

    @property
    def start(self) -> datetime:
        """The first moment of the period this date names."""
        return datetime(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> datetime:
        """The last moment of the period this date names."""
        if self.day is not None:
            last = self.start
        elif self.month is not None:
            last_day = calendar.monthrange(self.year, self.month)[1]
            last = datetime(self.year, self.month, last_day)
        else:
            last = datetime(self.year, 12, 31)
        return last.replace(hour=23, minute=59, second=59, microsecond=999_999)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def parse_date(text: str) -> PartialDate:
    """Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raises ValueError otherwise."""
    match = DATE_PATTERN.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year_text, month_text, day_text = match.groups()  # a day only with a month
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year out of range ({MIN_YEAR}-{MAX_YEAR}): {text.strip()!r}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range: {text!r}")
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        raise ValueError(f"day out of range: {text!r}")
    return PartialDate(year, month, day)


# -- Dates as archives write them ---------------------------------------------
# Exports, feeds and pages date an article in more forms than the corpus's
# ` date YYYY-MM-DD `. parse_published reads them into the same PartialDate:
# the precision is what the text gives (a time of day adds nothing, since
# articles are dated to the day at most), and the day is the one written,
# in the writer's own time zone: `2023-10-17T00:30+02:00` was published on
# the 17th where it was written, though it was still the 16th in UTC.

# The longest date text worth reading (`e mërkurë, 17 nëntor 2023, ora 08:30:00`
# is 40); anything longer is refused before a pattern looks at it.
MAX_DATE_CHARS = 80
# ISO 8601 with a time and perhaps a zone: 2023-10-17T08:30, 2023-10-17 08:30:00Z,
# 2023-10-17T08:30:00.123+02:00.
ISO_DATE_TIME = re.compile(
    r"(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?",
    re.IGNORECASE,
)
# 17.10.2023 (perhaps with a closing dot, as Albanian writes it, and a time).
DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# Albanian month names, in the nominative and the definite form (`tetorit`),
# and their usual abbreviations (`tet.`), by month number.
ALBANIAN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janar", "janari", "janarit", "jan"),
            ("shkurt", "shkurti", "shkurtit", "shk"),
            ("mars", "marsi", "marsit", "mar"),
            ("prill", "prilli", "prillit", "pri", "pril"),
            ("maj", "maji", "majit"),
            ("qershor", "qershori", "qershorit", "qer"),
            ("korrik", "korriku", "korrikut", "kor"),
            ("gusht", "gushti", "gushtit", "gus"),
            ("shtator", "shtatori", "shtatorit", "sht", "shta"),
            ("tetor", "tetori", "tetorit", "tet"),
            ("nëntor", "nëntori", "nëntorit", "nentor", "nentori", "nentorit", "nën", "nen"),
            ("dhjetor", "dhjetori", "dhjetorit", "dhj"),
        ),
        start=1,
    )
    for name in names
}
# [e martë,] 17 tetor[,] 2023[, 08:30] or tetor 2023: a weekday before and a
# time after are allowed and ignored.
ALBANIAN_DATE = re.compile(
    r"(?:(?:e\s+)?[^\W\d_]+\s*,?\s+)?(?:(\d{1,2})\.?\s+)?([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*,?\s*(?:ora\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?)?",
    re.IGNORECASE,
)


def parse_published(text: str) -> PartialDate:
    """Reads a publication date as exports, feeds and pages write it; raises ValueError.

    `2023`, `2023-10`, `2023-10-17`; ISO 8601 with a time and zone
    (`2023-10-17T08:30:00+02:00`); RFC 822 as in RSS (`Tue, 17 Oct 2023
    08:30:00 +0200`); Albanian `17 tetor 2023`, `tetor 2023` and `17.10.2023`.
    """
    if len(text) > MAX_DATE_CHARS:
        raise ValueError(f"too long to be a date: {text[:60]!r}…")
    text = " ".join(text.split())
    if not text:
        raise ValueError("no date")
    try:
        return parse_date(text)
    except ValueError:
        pass
    if match := ISO_DATE_TIME.fullmatch(text):
        return parse_date(match.group(1))
    if match := DOTTED_DATE.fullmatch(text):
        day, month, year = match.groups()
        return _checked(int(year), int(month), int(day), text)
    if match := ALBANIAN_DATE.fullmatch(text):
        day, name, year = match.groups()
        month = ALBANIAN_MONTHS.get(name.lower())
        if month is not None:
            return _checked(int(year), month, int(day) if day else None, text)
    from email.utils import parsedate_tz

    parsed = parsedate_tz(text)  # the date as written, in the zone written
    if parsed is not None:
        return _checked(parsed[0], parsed[1], parsed[2], text)
    raise ValueError(
        "not a date (expected YYYY-MM-DD, ISO 8601 with a time, RFC 822, `17 tetor 2023` or `17.10.2023`): "
        f"{text[:60]!r}"
    )


def _checked(year: int, month: int, day: int | None, text: str) -> PartialDate:
    """The date of these parts, validated as parse_date validates its own."""
    return parse_date(f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else ""))
