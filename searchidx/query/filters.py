"""Field filters: narrowing results to a date range or to a named entity.

A filter is written `data:2023`, `data:2023-10`, `data:2023-10-17`,
`data:2022..2023-06` (either end may be left open: `data:..2023`,
`data:2022..`), `person:Putin`, `vend:Kina`, `org:OKB` or `entitet:…` (an
entity of any type); English field names (`date`, `place`, `entity`) work too.
Filters narrow: they never add documents and never change scores.

Date filters are built here from the parsed dates rather than by Whoosh's
parser, which widens `date:[2024-02-01 to 2024-02-28]` to all of 2024. An
article matches when its whole date period lies inside the filter's period:
`data:2023-10` takes articles dated 2023-10 or any day of it, but not an
article dated only "2023", which may be from any month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from searchidx.dates import parse_date
from searchidx.errors import QuerySyntaxError
from searchidx.index.doctable import DocTable
from searchidx.index.schema import ENTITY_FIELDS

DATE = "date"
ENTITY = "entity"  # any entity type
FILTER_FIELDS = (DATE, *ENTITY_FIELDS, ENTITY)

# What users may type before the colon, Albanian first, and the field it means.
FIELD_ALIASES = {
    "data": DATE,
    "date": DATE,
    "person": "person",
    "persona": "person",
    "vend": "place",
    "vendi": "place",
    "place": "place",
    "org": "org",
    "organizata": "org",
    "entitet": ENTITY,
    "entiteti": ENTITY,
    "entity": ENTITY,
}
# How a filter is written back (in results, facets and JSON).
SHOWN_NAME = {DATE: "data", "person": "person", "place": "vend", "org": "org", ENTITY: "entitet"}

RANGE = ".."
# As long as a whole query may be (searchidx.query.parser.MAX_QUERY_CHARS).
MAX_FILTER_CHARS = 2000


@dataclass(frozen=True)
class Filter:
    """One field filter: `field` is one of FILTER_FIELDS, `value` as written."""

    field: str
    value: str

    def __post_init__(self):
        if self.field not in FILTER_FIELDS:
            raise QuerySyntaxError(f"unknown filter field {self.field!r}; use one of {', '.join(SHOWN_NAME.values())}")
        if not self.value.strip():
            raise QuerySyntaxError(f"{SHOWN_NAME[self.field]}: needs a value, e.g. {example(self.field)}")
        if len(self.value) > MAX_FILTER_CHARS:
            raise QuerySyntaxError(
                f"{SHOWN_NAME[self.field]}: the value is too long ({len(self.value):,} characters; at most {MAX_FILTER_CHARS:,})"
            )
        if self.field == DATE:
            self.period()  # raises QuerySyntaxError for a bad date

    @classmethod
    def parse(cls, text: str) -> Filter:
        """`data:2023`, `vend:Kina`, `person:"Vladimir Putin"` -> Filter."""
        name, colon, value = text.partition(":")
        field_name = FIELD_ALIASES.get(name.strip().lower())
        if not colon or field_name is None:
            known = ", ".join(f"{n}:" for n in SHOWN_NAME.values())
            raise QuerySyntaxError(f"not a filter: {text!r} (filters are {known})")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        return cls(field_name, value)

    @property
    def text(self) -> str:
        """The filter as a user would type it: `data:2023`, `person:"Vladimir Putin"`."""
        value = f'"{self.value}"' if any(c.isspace() for c in self.value) else self.value
        return f"{SHOWN_NAME[self.field]}:{value}"

    def period(self) -> tuple[datetime | None, datetime | None]:
        """For a date filter, its first and last moment (None: open end)."""
        first_text, is_range, last_text = self.value.partition(RANGE)
        if not is_range:
            last_text = first_text
        first_text, last_text = first_text.strip(), last_text.strip()
        if not first_text and not last_text:
            raise QuerySyntaxError(f"data:{self.value} needs at least one date, e.g. data:2022..2023-06")
        try:
            first = parse_date(first_text).start if first_text else None
            last = parse_date(last_text).end if last_text else None
        except ValueError as error:
            raise QuerySyntaxError(f"data:{self.value}: {error}") from None
        if first and last and first > last:
            raise QuerySyntaxError(f"data:{self.value}: the range ends before it starts")
        return first, last

    def docs(self, table: DocTable) -> set[int]:
        """Numbers of the documents this filter lets through."""
        if self.field == DATE:
            return table.docs_within(*self.period())
        fields = ENTITY_FIELDS if self.field == ENTITY else (self.field,)
        docs: set[int] = set()
        for name in fields:
            column = table.entities(name)
            for value in column.matching_values(self.value):
                docs.update(column.docs_of(value).tolist())
        return docs


def example(field: str) -> str:
    return {DATE: "data:2023-10", "person": "person:Putin", "place": "vend:Kina", "org": "org:OKB"}.get(
        field, "entitet:Kina"
    )


def as_filters(filters) -> list[Filter]:
    """Accepts Filter objects or their text (`"data:2023"`) and returns Filters."""
    return [f if isinstance(f, Filter) else Filter.parse(str(f)) for f in filters or ()]


def filter_docs(filters: list[Filter], table: DocTable) -> set[int] | None:
    """Documents passing every filter, or None when there are no filters."""
    allowed: set[int] | None = None
    for item in filters:
        docs = item.docs(table)
        allowed = docs if allowed is None else allowed & docs
    return allowed
