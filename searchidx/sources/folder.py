"""The walk over a corpus folder: which files may be articles, each read by its format.

Hidden files and folders, an index kept inside the corpus and files of no
format searchidx reads are passed over; a file that cannot be an article
(a bad name, a broken or escaping link, too large, empty) is reported with
its reason and skipped, never allowed to stop a run.
"""

from __future__ import annotations

import os
import stat as stat_module
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from searchidx.paths import META_FILE
from searchidx.sources import format_of, read_file, size_limit
from searchidx.sources.text import DEFAULT_MAX_BYTES, Document, FoundFile, SkippedFile, relative_path, too_large


def scan_folder(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[FoundFile | SkippedFile]:
    """Yields the article files below root in a stable order, without reading
    them, and a SkippedFile for each one that cannot be an article.

    Hidden files and folders (such as an index kept inside the corpus) and
    files of no format searchidx reads (searchidx.sources: *.txt, *.html,
    *.jsonl, *.csv, …) are left out silently. Reported and skipped: names
    that are not valid UTF-8 or hold control characters (they cannot be shown
    or stored faithfully), symbolic links that are broken, loop or lead out
    of root, links to folders (following them could loop), files that are
    not regular files, and files larger than max_bytes.
    """
    resolved_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root):
        folder_path = Path(folder)
        if is_index_folder(filenames):
            dirnames[:] = []  # an index kept inside the corpus: its JSON files are not exports
            continue
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if (folder_path / name).is_symlink():
                yield SkippedFile(
                    shown(relative_path(folder_path / name, root)), "symbolic link to a folder (not followed)"
                )
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or format_of(name) is None:
                continue
            yield check_file(folder_path / name, root, resolved_root, max_bytes)


def is_index_folder(filenames: list[str]) -> bool:
    """Whether a folder holds a searchidx index (its record of versions and
    Whoosh's tables of contents), as `--index` can put one in the corpus."""
    return META_FILE in filenames and any(name.endswith(".toc") for name in filenames)


def check_file(path: Path, root: Path, resolved_root: Path, max_bytes: int) -> FoundFile | SkippedFile:
    """A FoundFile if path may be an article, else a SkippedFile saying why."""
    relative = relative_path(path, root)
    problem = name_problem(relative)
    if problem:
        return SkippedFile(shown(relative), problem)
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return SkippedFile(relative, "cannot read: symbolic link to a missing file")
        except (RuntimeError, OSError) as error:
            if isinstance(error, RuntimeError) or getattr(error, "errno", None) == 40:  # ELOOP
                return SkippedFile(relative, "symbolic link loop")
            return SkippedFile(relative, f"cannot read: {error.strerror or error}")
        if not target.is_relative_to(resolved_root):
            return SkippedFile(relative, "symbolic link points outside the folder")
    try:
        stat = path.stat()
    except OSError as error:
        return SkippedFile(relative, f"cannot read: {error.strerror or error}")
    if not stat_module.S_ISREG(stat.st_mode):
        return SkippedFile(relative, "not a regular file")
    limit = size_limit(relative, max_bytes)
    if stat.st_size > limit:
        return SkippedFile(relative, too_large(stat.st_size, limit))
    if stat.st_size == 0:
        return SkippedFile(relative, "empty file")
    return FoundFile(path, relative, stat.st_size, stat.st_mtime_ns)


def shown(relative: str) -> str:
    """A relative path fit to print on one line: bytes that are not UTF-8
    appear as \\xNN, control characters escaped (a newline as \\n)."""
    text = relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if not any(unicodedata.category(c) == "Cc" for c in text):
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) == "Cc" else c for c in text)


def name_problem(relative: str) -> str | None:
    """Why a file name cannot be indexed faithfully, or None if it can."""
    try:
        relative.encode("utf-8")  # undecodable bytes became lone surrogates
    except UnicodeEncodeError:
        return "file name is not valid UTF-8"
    if any(unicodedata.category(char) == "Cc" for char in relative):
        return "file name holds control characters"
    return None


def read_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | SkippedFile]:
    """Reads every article below root (each record of a file of records),
    yielding a SkippedFile for each bad file or record."""
    for found in scan_folder(root, max_bytes):
        if isinstance(found, SkippedFile):
            yield found
            continue
        yield from read_file(found.path, root, max_bytes)
