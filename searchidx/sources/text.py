"""Text files, one UTF-8 article each, and the Document every source yields.

A file opens with ` date 2023-10 ` and the first paragraph follows on the same
line (or on the next); paragraphs are split by blank lines; there is no title
line. Real files are messier, and a file that cannot be read is reported with
its reason and skipped, never allowed to stop a run.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat as stat_module
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analyzers.tokenizer import MAX_TOKEN_CHARS, count_overlong
from searchidx.dates import PartialDate, parse_date

ARTICLE_SUFFIX = ".txt"  # the corpus's own format; searchidx.sources lists every format read
TITLE_MAX_CHARS = 120
# Bytes sniffed for NUL, the mark of a binary file that happens to decode.
BINARY_SNIFF_BYTES = 8192
# Files larger than this are not articles (an archive, a dump) and would cost
# memory and time out of proportion; `searchidx index --max-size` changes it.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# `--max-size` counts megabytes of 1024 * 1024 bytes; sizes are reported in them.
MEGABYTE = 1024 * 1024
# Byte-order marks of UTF-16 (Windows Notepad's "Unicode"). Such a file is
# reported as UTF-16, not read: a corpus is UTF-8 (README), the same two
# bytes open a Latin-1 file starting "ÿþ", and decoding a file that is not
# UTF-16 as UTF-16 yields CJK-looking nonsense that would be indexed
# silently. The reason says what the file is and how to fix it.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# ` date 2023-10-17 `, alone on its line or followed by the first paragraph.
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\n|(?=\S)|\Z)", re.IGNORECASE)
# A sentence ends at . ! ? or …, perhaps closed by a quote, where the next
# sentence starts: after white space, or at once with a capital after a word of
# two or more letters, as in run-together `jetë.Këto` (but not `17.10`).
SENTENCE_END = re.compile(r"[.!?…][\"”»’]?(?:(?=\s)|(?<=[^\W\d_]{2}[.!?])(?=[^\W\d_])(?=[^a-zëç]))")


@dataclass(frozen=True)
class Document:
    """One article, ready to be indexed."""

    path: str  # relative to the corpus folder, with `/` separators
    body: str
    title: str
    date: PartialDate | None
    content_hash: str
    size: int
    mtime: float
    mtime_ns: int = 0
    # A file of records (searchidx.sources.records) holds many articles: this
    # one's id in it (or its position); None for a file that is one article.
    record: str | None = None
    url: str | None = None  # where the article was published (a page's canonical URL, a record's link)
    # Whether the title is the article's own (a headline, searched as its own
    # field) rather than the body's first sentence.
    title_given: bool = False
    # What was read but not indexed as written (a date out of range, words
    # too long to index); the article is indexed all the same.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkippedFile:
    """A file that could not be read as an article, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class FileNote:
    """Something about a file that was indexed all the same (see Document.notes)."""

    path: str
    message: str


@dataclass(frozen=True)
class FoundFile:
    """An article file found in a folder, with what stat() says of it."""

    path: Path  # as found below the folder (perhaps a symbolic link)
    relative: str  # relative to the folder, with `/` separators
    size: int
    mtime_ns: int


class UnreadableFile(Exception):
    """A file is not a readable article; the message says why."""


def read_document(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Reads one article file; raises UnreadableFile with a reason."""
    raw, stat = read_bytes(path, max_bytes)
    return parse_document(raw, relative_path(path, root), stat.st_size, stat.st_mtime, stat.st_mtime_ns)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A file's bytes and its stat, read through one open file so they agree;
    raises UnreadableFile (too large, not a regular file, an OS error)."""
    try:
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())
            if not stat_module.S_ISREG(stat.st_mode):
                raise UnreadableFile("not a regular file")
            if stat.st_size > max_bytes:
                raise UnreadableFile(too_large(stat.st_size, max_bytes))
            raw = file.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    if len(raw) > max_bytes:  # it grew while we looked
        raise UnreadableFile(too_large(len(raw), max_bytes))
    return raw, stat


def too_large(size: int, max_bytes: int) -> str:
    """Both sizes in the unit of `--max-size`, to one decimal."""
    return f"larger than the size limit ({size / MEGABYTE:.1f} MB > {max_bytes / MEGABYTE:.1f} MB)"


def decode_text(raw: bytes) -> str:
    """The text of a file's bytes, UTF-8 (a BOM allowed); raises
    UnreadableFile naming what the bytes are instead (UTF-16, binary)."""
    sniff = raw[:BINARY_SNIFF_BYTES]
    if raw.startswith(UTF16_BOMS) or (b"\x00" in sniff and looks_like_utf16(sniff)):
        raise UnreadableFile("UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\x00" in sniff:
        raise UnreadableFile("binary file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"invalid UTF-8 at byte {error.start}") from None


def looks_like_utf16(sniff: bytes) -> bool:
    """Text of mostly Latin letters in UTF-16: a NUL in every other byte."""
    pairs = len(sniff) // 2
    if pairs < 2:
        return False
    for parity in (0, 1):
        zeros = sniff[parity::2].count(0)
        others = sniff[1 - parity :: 2].count(0)
        if zeros >= 0.9 * pairs and others == 0:
            return True
    return False


def parse_document(raw: bytes, path: str, size: int = 0, mtime: float = 0.0, mtime_ns: int = 0) -> Document:
    """Turns a file's bytes into a Document; raises UnreadableFile."""
    text = decode_text(raw)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    date, body, date_note = read_date_marker(text)
    body = normalize_paragraphs(body)
    if not body:
        raise UnreadableFile("empty file" if not text.strip() else "no text besides the date")
    notes = [date_note] if date_note else []
    if overlong := count_overlong(body):
        notes.append(
            f"{overlong} {'word' if overlong == 1 else 'words'} longer than {MAX_TOKEN_CHARS} characters not indexed"
        )
    return Document(
        path=path,
        body=body,
        title=make_title(body),
        date=date,
        content_hash=hashlib.sha256(raw).hexdigest(),
        size=size or len(raw),
        mtime=mtime,
        mtime_ns=mtime_ns,
        notes=tuple(notes),
    )


def split_date(text: str) -> tuple[PartialDate | None, str]:
    """Separates the opening ` date …` marker, if any, from the text.

    A marker whose value is not a valid date is removed all the same (it is
    not article text), and the article counts as undated.
    """
    date, body, _ = read_date_marker(text)
    return date, body


def read_date_marker(text: str) -> tuple[PartialDate | None, str, str | None]:
    """split_date, and what was wrong with a marker that gave no date
    (reported for the file: ` date 9999-12` is a placeholder, not a date)."""
    match = DATE_LINE.match(text)
    if not match:
        return None, text, None
    try:
        return parse_date(match.group(1)), text[match.end() :], None
    except ValueError as error:
        return None, text[match.end() :], f"indexed as undated: {error}"


def normalize_paragraphs(body: str) -> str:
    """Strips each paragraph and joins them with one blank line."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", body))
    return "\n\n".join(p for p in paragraphs if p)


def make_title(body: str, limit: int = TITLE_MAX_CHARS) -> str:
    """The first sentence of the body, cut at a word boundary near `limit`."""
    first_paragraph = body.split("\n\n", 1)[0]
    end = SENTENCE_END.search(first_paragraph)
    sentence = first_paragraph[: end.end()] if end else first_paragraph
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit)
    return sentence[: cut if cut > limit // 2 else limit].rstrip(" ,;:–-") + "…"


def relative_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
