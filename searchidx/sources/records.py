"""Files of records: JSON Lines, a JSON array, CSV and TSV, one article a record.

Scrapers and feed readers export articles as records with a title, a date, a
URL and the text. Which field holds what is found by its name (FIELD_NAMES,
any case), or set by the user (`--title-field …`, or `searchidx.toml` beside
the corpus: searchidx.sources.settings).

Each record becomes its own Document, named within its file by its id (the
`id` field) or, when it has none, by its position: the line of a JSON Lines
file, the row of a CSV or TSV file (the header not counted), the item of a
JSON array. A record that cannot be read (a malformed JSON line, a CSV row
with the wrong number of columns, a record with neither title nor text) is a
BadRecord with the reason; the others are read all the same. A record
without a date is undated, never dropped; one whose date cannot be read is
undated too, and counted in a BadRecord note.

Each record carries a hash of the fields it is indexed from (title, date,
URL, text) as written, so that the indexer re-indexes only the records that
changed in a changed file (searchidx.index.indexer); given the hashes indexed
before, a record whose hash is unchanged is not even made a Document. A JSON Lines file that only grew (new lines
at its end, as a feed reader or scraper appends them) is read from where it
ended: the records before are known unchanged without being parsed.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime

from searchidx.dates import PartialDate, parse_published
from searchidx.sources.formats import CSV, JSON, JSONL, TSV, Format, format_of
from searchidx.sources.text import Document, UnreadableFile, make_title, too_large

# The names a field goes by in exports, tried in this order, in any case.
FIELD_NAMES = {
    "title": ("title", "headline", "titulli"),
    "date": ("date", "published", "pubDate", "published_at", "datePublished", "pub_date", "publication_date", "data"),
    "text": ("text", "body", "content", "article", "article_text", "full_text", "teksti", "description", "summary"),
    "url": ("url", "link", "permalink", "canonical_url", "href"),
    "id": ("id", "guid", "uuid", "_id"),
}
# Text given as HTML (feeds' `content`, some scrapers' `body`): tags that end a
# paragraph, and any tag.
_HTML_TAG = re.compile(
    r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure|img)\b[^>]*>|</[a-z][a-z0-9]*\s*>", re.I
)
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote|/figure|/tr)\b[^>]*>", re.I)
_HTML_DROPPED = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_ANY_TAG = re.compile(r"<[^>]*>")


class SettingsError(ValueError):
    """A field name given for records cannot be used; the message says why."""


@dataclass(frozen=True)
class FieldNames:
    """Which field of a record holds what; None: found by its usual names."""

    title: str | None = None
    date: str | None = None
    text: str | None = None
    url: str | None = None
    id: str | None = None

    def over(self, other: FieldNames) -> FieldNames:
        """These names, and other's where these are not set."""
        return FieldNames(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in dataclass_fields(self)})

    def fingerprint(self) -> str:
        """A text that changes when the names do (kept in the manifest: a file
        read under other names is read again)."""
        return json.dumps(
            {f.name: getattr(self, f.name) for f in dataclass_fields(self) if getattr(self, f.name)}, sort_keys=True
        )


@dataclass(frozen=True)
class BadRecord:
    """A record that was not indexed (or was, with a problem), and why."""

    number: int  # the line (JSON Lines, CSV, TSV) or item (JSON array), from 1
    reason: str  # with where it is: "line 17: malformed JSON: …"
    indexed: bool = False  # a note: the record was indexed all the same (a date not understood)


@dataclass
class RecordsState:
    """What a file of records held when it was indexed."""

    settings: str  # FieldNames.fingerprint() in force
    records: dict[str, str] = field(default_factory=dict)  # id -> content hash
    problems: list[tuple[int, str]] = field(default_factory=list)  # records not indexed: reported on every run
    notes: list[tuple[int, str]] = field(default_factory=list)  # records indexed with a problem: the same
    # JSON Lines: the bytes up to the last line end, their hash and their
    # lines; a file that still starts with them only grew.
    complete_bytes: int = 0
    prefix_hash: str = ""
    lines: int = 0


@dataclass
class RecordFile:
    """A file of records, read: the documents, the problems, and the state to keep."""

    documents: list[Document]  # the records not indexed as they are (all, without `known`)
    problems: list[BadRecord]
    state: RecordsState
    appended_only: bool = False  # only the lines after known.complete_bytes were read


def read_record_file(
    raw: bytes,
    path: str,
    names: FieldNames = FieldNames(),
    *,
    max_bytes: int,
    mtime: float = 0.0,
    mtime_ns: int = 0,
    known: RecordsState | None = None,
) -> RecordFile:
    """Reads every record of a file; raises UnreadableFile if the file as a
    whole cannot be read (not UTF-8, a JSON file that does not parse, a CSV
    file with no column of text).

    known: the state recorded when the file was indexed last; a JSON Lines
    file that still starts with the bytes read then is read from there on
    (its earlier records are in known.records).
    """
    form = format_of(path)
    if b"\x00" in raw[:8192]:
        raise UnreadableFile("binary file")
    settings = names.fingerprint()
    if form is JSONL:
        start = 0
        state = RecordsState(settings)
        if (
            known is not None
            and known.settings == settings
            and 0 < known.complete_bytes <= len(raw)
            and hashlib.sha256(raw[: known.complete_bytes]).hexdigest() == known.prefix_hash
        ):
            start = known.complete_bytes
            state.records = dict(known.records)
            state.problems = [p for p in known.problems if p[0] <= known.lines]
            state.notes = [n for n in known.notes if n[0] <= known.lines]
            state.lines = known.lines
        reader = _Reader(path, names, max_bytes, mtime, mtime_ns, state)
        reader.known = known.records if known is not None else {}
        reader.read_json_lines(raw, start)
        return reader.result(appended_only=start > 0)
    reader = _Reader(path, names, max_bytes, mtime, mtime_ns, RecordsState(settings))
    reader.known = known.records if known is not None else {}
    text = _decode(raw)
    if form is JSON:
        reader.read_json_array(text)
    elif form in (CSV, TSV):
        reader.read_table(text, form)
    else:
        raise UnreadableFile(f"not a file of records ({form.name if form else 'unknown'} format)")
    return reader.result()


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"invalid UTF-8 at byte {error.start}") from None


class _Reader:
    """Turns records into Documents, keeping ids unique and problems noted."""

    def __init__(self, path: str, names: FieldNames, max_bytes: int, mtime: float, mtime_ns: int, state: RecordsState):
        self.path = path
        self.names = names
        self.max_bytes = max_bytes
        self.mtime = mtime
        self.mtime_ns = mtime_ns
        self.state = state
        self.documents: dict[str, Document] = {}
        self.problems: list[BadRecord] = []
        self.undated_dates: list[tuple[str, str]] = []  # (where, text) of dates not understood
        self.known: dict[str, str] = {}  # id -> hash of the records indexed: those unchanged are not made documents
        self.kept: dict[str, str] = {}  # id -> hash of the records found unchanged
        self._resolved: dict[tuple[str, ...], dict[str, str | None]] = {}

    # -- formats --------------------------------------------------------------
    def read_json_lines(self, raw: bytes, start: int) -> None:
        number = self.state.lines
        pieces = raw[start:].split(b"\n")
        for count, line in enumerate(pieces, 1):
            number += 1
            where = f"line {number}"
            if not line.strip():
                continue
            # The last line has no line end yet: perhaps it is still being written.
            unfinished = count == len(pieces)
            if len(line) > self.max_bytes:
                self.problem(number, f"{where}: {too_large(len(line), self.max_bytes)}")
                continue
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                self.problem(number, f"{where}: invalid UTF-8 at byte {error.start} of the line")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                still = " (the line has no end yet: still being written?)" if unfinished else ""
                self.problem(number, f"{where}: malformed JSON: {error.msg} at column {error.colno}{still}")
                continue
            self.add(record, number, where, len(line))
        complete = raw.rfind(b"\n") + 1
        self.state.lines += raw.count(b"\n", start, complete)
        self.state.complete_bytes = complete
        self.state.prefix_hash = hashlib.sha256(raw[:complete]).hexdigest()

    def read_json_array(self, text: str) -> None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnreadableFile(f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}") from None
        items = _record_list(data)
        if items is None:
            raise UnreadableFile("not records: expected a JSON array of objects (or an object holding one)")
        for number, record in enumerate(items, 1):
            self.add(
                record,
                number,
                f"item {number}",
                len(json.dumps(record, ensure_ascii=False)) if isinstance(record, (dict, list)) else 0,
            )

    def read_table(self, text: str, form: Format) -> None:
        sample = text[:65536]
        delimiter = "\t" if form is TSV else _sniff_delimiter(sample)
        csv.field_size_limit(max(self.max_bytes * 2, 131072))
        stream = io.StringIO(text, newline="")
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise UnreadableFile(f"line 1: not a CSV header: {error}") from None
        if not header or not any(cell.strip() for cell in header):
            raise UnreadableFile("no header line naming the columns")
        header = [cell.strip() for cell in header]
        columns = self.resolve(tuple(header))
        if columns["text"] is None and columns["title"] is None:
            raise UnreadableFile(
                f"no column of text or title: the header names {', '.join(repr(c) for c in header[:8])}"
                f"{', …' if len(header) > 8 else ''} (name one with --text-field or --title-field)"
            )
        row_number = 0
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                self.problem(row_number + 1, f"line {line}: malformed CSV: {error}")
                break  # the reader cannot go on past a broken quote
            row_number += 1
            where, first_line = f"line {line}", line
            line = reader.line_num + 1
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                unclosed = "\n" in row[-1] and stream.tell() >= len(text) if row else False
                self.problem(row_number, f"{where}: {_width_problem(row, header, first_line, line - 1, unclosed)}")
                continue
            self.add(dict(zip(header, row)), row_number, where, sum(len(cell) for cell in row))

    # -- records --------------------------------------------------------------
    def resolve(self, keys: tuple[str, ...]) -> dict[str, str | None]:
        """Which key of a record of these keys holds each field."""
        found = self._resolved.get(keys)
        if found is None:
            lowered: dict[str, str] = {}
            for key in keys:
                lowered.setdefault(key.lower(), key)
            found = {}
            for name, usual in FIELD_NAMES.items():
                given = getattr(self.names, name)
                if given:
                    found[name] = given if given in keys else lowered.get(given.lower(), given)
                    continue
                found[name] = next((lowered[u.lower()] for u in usual if u.lower() in lowered), None)
            # One field never serves twice: `data` is a date only if it is no text.
            if found["date"] is not None and found["date"] in (found["text"], found["title"]):
                found["date"] = None
            self._resolved[keys] = found
        return found

    def add(self, record, number: int, where: str, size: int) -> None:
        if not isinstance(record, dict):
            self.problem(number, f"{where}: not a record (a JSON object) but {_json_kind(record)}")
            return
        columns = self.resolve(tuple(record))
        values = {name: _lookup(record, key) if key else None for name, key in columns.items()}
        record_id = _as_id(values["id"])
        if record_id is None:
            record_id = str(number)
        repeated = record_id in self.documents or record_id in self.kept or record_id in self.state.records
        date = self.date(values["date"], where)
        digest = record_hash(values)
        if self.known.get(record_id) == digest:
            # Indexed as it is: no document is made of it (a changed file
            # of 10,000 records is read for its one changed record).
            self.documents.pop(record_id, None)
            self.kept[record_id] = digest
            return
        title = _clean_line(_as_text(values["title"]))
        body = _paragraphs(_as_text(values["text"]))
        if not body and not title:
            self.problem(number, f"{where}: no text and no title" + _fields_hint(record, columns))
            return
        if len(body.encode("utf-8")) > self.max_bytes:
            self.problem(number, f"{where}: {too_large(len(body.encode('utf-8')), self.max_bytes)}")
            return
        if repeated:
            self.problem(
                number, f"{where}: id {record_id!r} repeats an earlier record's; this later one is indexed", True
            )
        url = _clean_line(_as_text(values["url"])) or None
        document = Document(
            path=self.path,
            body=body,
            title=title or make_title(body),
            date=date,
            content_hash=digest,
            size=size,
            mtime=self.mtime,
            mtime_ns=self.mtime_ns,
            record=record_id,
            url=url,
            title_given=bool(title),
        )
        self.kept.pop(record_id, None)
        self.documents.pop(record_id, None)  # the later record of an id is the one kept, in file order
        self.documents[record_id] = document

    def date(self, value, where: str) -> PartialDate | None:
        if value is None or value == "" or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, (int, float)):
                seconds = value / 1000 if abs(value) > 1e11 else value  # milliseconds since 1970
                day = datetime.fromtimestamp(seconds, UTC)
                return PartialDate(day.year, day.month, day.day)
            return parse_published(_as_text(value))
        except (ValueError, OverflowError, OSError):
            self.undated_dates.append((where, str(value)[:40]))
            return None

    def problem(self, number: int, reason: str, indexed: bool = False) -> None:
        self.problems.append(BadRecord(number, reason, indexed))

    def result(self, appended_only: bool = False) -> RecordFile:
        problems = list(self.problems)
        if self.undated_dates:
            where, text = self.undated_dates[0]
            count = len(self.undated_dates)
            problems.append(
                BadRecord(
                    0,
                    f"{count} date{'s' if count > 1 else ''} not understood (first: {where}, {text!r}); "
                    "indexed undated (set the field with --date-field if another holds the date)",
                    indexed=True,
                )
            )
        state = self.state
        state.records.update(self.kept)
        for record_id, document in self.documents.items():
            state.records[record_id] = document.content_hash
        state.problems.extend((p.number, p.reason) for p in problems if not p.indexed)
        state.notes.extend((p.number, p.reason) for p in problems if p.indexed)
        return RecordFile(list(self.documents.values()), problems, state, appended_only)


def record_hash(values: dict) -> str:
    """The fields a record is indexed from (title, date, URL, text), hashed as
    written: a record whose hash is unchanged is not read further nor
    re-indexed. Other fields, and the order of fields, do not count."""
    parts = "\x1f".join(_as_written(values.get(name)) for name in ("title", "date", "url", "text"))
    return hashlib.blake2b(parts.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _as_written(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _record_list(data) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list) and value and isinstance(value[0], dict)]
        if len(lists) == 1:
            return lists[0]  # {"articles": [...]}: an export wrapped in an object
        return [data]  # one record
    return None


def _lookup(record: dict, key: str):
    """record[key], or, for a dotted name the record does not hold as such,
    the nested value (`content.text`)."""
    if key in record:
        return record[key]
    value = record
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(value) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, list):
        text = "\n\n".join(_as_text(item) for item in value if item is not None)
    elif isinstance(value, dict):
        # {"rendered": "..."} (WordPress), {"value": "..."}: a single text inside
        inner = [v for v in value.values() if isinstance(v, str)]
        text = inner[0] if len(inner) == 1 else ""
    else:
        text = ""
    if "<" in text and _HTML_TAG.search(text):
        text = _strip_markup(text)
    elif "&" in text:
        text = html.unescape(text)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _strip_markup(text: str) -> str:
    """The text of an HTML fragment, a paragraph a block."""
    text = _HTML_DROPPED.sub(" ", text)
    text = _HTML_BREAK.sub("\n", text)
    return html.unescape(_ANY_TAG.sub("", text))


def _paragraphs(text: str) -> str:
    """A record's text with a paragraph a line: exports end paragraphs with
    one line break as often as with two. White space within a paragraph
    becomes one space, as in searchidx.sources.text."""
    paragraphs = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _clean_line(text: str) -> str:
    return " ".join(text.split())


def _as_id(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _json_kind(value) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}.get(
        type(value), "null"
    )


def _fields_hint(record: dict, columns: dict) -> str:
    keys = list(record)[:8]
    if columns["text"] is None and columns["title"] is None:
        return f" (its fields: {', '.join(map(repr, keys))}; name the text's with --text-field)"
    return ""


def _width_problem(row: list[str], header: list[str], first: int, last: int, unclosed: bool) -> str:
    """Why a row has the wrong number of columns, in words a user can act on."""
    if unclosed:
        # An unclosed quote makes the CSV reader take everything to the end of
        # the file as one field: the records after it are inside that field.
        return (
            f"a quote opened here is never closed, so lines {first}-{last} were read as one field "
            "(close the quote to index the records in them)"
        )
    return f"{len(row)} columns where the header has {len(header)}"


def _sniff_delimiter(sample: str) -> str:
    """`,` unless the header line is plainly split by `;`, tab or `|` (as
    spreadsheets in many locales write CSV)."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","
