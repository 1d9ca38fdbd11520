"""Reads a corpus folder: one UTF-8 text file per article.

A file opens with ` date 2023-10 ` and the first paragraph follows on the same
line (or on the next); paragraphs are split by blank lines; there is no title
line. Real files are messier, and a file that cannot be read is reported with
its reason and skipped, never allowed to stop a run.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from searchidx.dates import PartialDate, parse_date

ARTICLE_SUFFIX = ".txt"
TITLE_MAX_CHARS = 120
# Bytes sniffed for NUL, the mark of a binary file that happens to decode.
BINARY_SNIFF_BYTES = 8192

# ` date 2023-10-17 `, alone on its line or followed by the first paragraph.
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\n|(?=\S)|\Z)", re.IGNORECASE)
# A sentence ends at . ! ? or …, perhaps closed by a quote, where the next
# sentence starts: after white space, or at once with a capital after a word of
# two or more letters, as in run-together `jetë.Këto` (but not `17.10`).
SENTENCE_END = re.compile(
    r"[.!?…][\"”»’]?(?:(?=\s)|(?<=[^\W\d_]{2}[.!?])(?=[^\W\d_])(?=[^a-zëç]))"
)


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


@dataclass(frozen=True)
class SkippedFile:
    """A file that could not be read as an article, and why."""

    path: str
    reason: str


class UnreadableFile(Exception):
    """A file is not a readable article; the message says why."""


def read_document(path: Path, root: Path) -> Document:
    """Reads one article file; raises UnreadableFile with a reason."""
    try:
        raw = path.read_bytes()
        stat = path.stat()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from None
    return parse_document(raw, relative_path(path, root), stat.st_size, stat.st_mtime)


def parse_document(raw: bytes, path: str, size: int = 0, mtime: float = 0.0) -> Document:
    """Turns a file's bytes into a Document; raises UnreadableFile."""
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise UnreadableFile("binary file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"invalid UTF-8 at byte {error.start}") from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    date, body = split_date(text)
    body = normalize_paragraphs(body)
    if not body:
        raise UnreadableFile("empty file" if not text.strip() else "no text besides the date")
    return Document(
        path=path,
        body=body,
        title=make_title(body),
        date=date,
        content_hash=hashlib.sha256(raw).hexdigest(),
        size=size or len(raw),
        mtime=mtime,
    )


def split_date(text: str) -> tuple[PartialDate | None, str]:
    """Separates the opening ` date …` marker, if any, from the text.

    A marker whose value is not a valid date is removed all the same (it is
    not article text), and the article counts as undated.
    """
    match = DATE_LINE.match(text)
    if not match:
        return None, text
    try:
        date = parse_date(match.group(1))
    except ValueError:
        date = None
    return date, text[match.end():]


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


def iter_article_paths(root: Path) -> Iterator[Path]:
    """Yields the article files below root in a stable order.

    Hidden files and folders (such as an index kept inside the corpus) are
    left out; symbolic links are followed only to files inside root.
    """
    resolved_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(ARTICLE_SUFFIX):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(resolved_root):
                continue
            yield path


def read_corpus(root: Path) -> Iterator[Document | SkippedFile]:
    """Reads every article below root, yielding a SkippedFile for each bad one."""
    for path in iter_article_paths(root):
        try:
            yield read_document(path, root)
        except UnreadableFile as error:
            yield SkippedFile(relative_path(path, root), str(error))
