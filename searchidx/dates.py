"""Dates with a precision: an article may be dated to the year, month or day.

A month-only date must never be shown as the 1st of that month, so every date
carries its precision, and a date stands for a period (its first and last
moment) rather than a point.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

DATE_PATTERN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

YEAR, MONTH, DAY = "year", "month", "day"


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
        return last + timedelta(days=1) - timedelta(microseconds=1)

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
    year, month, day = (int(part) if part else None for part in match.groups())
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {text!r}")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range: {text!r}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"day out of range: {text!r}")
    return PartialDate(year, month, day)
