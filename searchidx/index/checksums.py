"""Checksums that tell a damaged index from a sound one.

Whoosh keeps no checksums: a zero-filled length column is read as lengths
of 0 and silently changes the rankings (docs/robustness.md), and a
truncated file fails somewhere deep in a search. So:

* every commit records, in `checksums.json`, the size, time and CRC-32 of
  each file of the live index (its table of contents and the files of the
  segments it names). Which files a segment has is read from the folder
  (every file named after the segment), not from a list of kinds, so a new
  posting codec with files of its own is covered as it is;
* opening an index compares each file's size and time with the record and
  hashes the files whose time changed (a damaged file was written to);
  `searchidx check` hashes every file;
* searchidx's own JSON files (searchidx.json, the manifest, the column
  cache, this record) carry a CRC-32 of their content (`seal`/`unseal`).

The record is written after the commit it describes: a run killed between
the two leaves a record of the previous generation, which is then not used
to judge the new one (the next writer records it).
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from analyzers.files import write_atomically
from searchidx.codec.whoosh_support import index_segments

CHECKSUM_FILE = "checksums.json"
_CHUNK = 1 << 20


def crc_of_file(path: Path) -> int:
    crc = 0
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _crc_of_data(data: dict) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"crc32:{zlib.crc32(canonical.encode('utf-8')):08x}"


def seal(data: dict) -> dict:
    """data with a checksum of its content (see unseal)."""
    return {**data, "checksum": _crc_of_data(data)}


def unseal(data, required: bool = False) -> dict:
    """The data of a sealed record without its checksum; raises ValueError if
    it is not a JSON object or its checksum does not match (a record from
    before checksums, with none, is taken as it is unless required)."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    data = dict(data)
    recorded = data.pop("checksum", None)
    if recorded is None:
        if required:
            raise ValueError("no checksum")
        return data
    if recorded != _crc_of_data(data):
        raise ValueError("its content does not match its checksum")
    return data


def write_json_atomically(path: Path, data: dict, **dump_options) -> None:
    """Writes a JSON file atomically (analyzers.files.write_atomically)."""
    write_atomically(path, json.dumps(data, **dump_options) + "\n")


def toc_file(index_name: str, generation: int) -> str:
    """Whoosh's name for a generation's table of contents."""
    return f"_{index_name}_{generation}.toc"


def index_files(index_dir: Path, ix) -> list[str]:
    """The live generation's files: its table of contents and every file
    named after a segment it holds."""
    generation = ix.latest_generation()
    prefixes = tuple(segment.segment_id() + "." for segment in index_segments(ix))
    names = [toc_file(ix.indexname, generation)]
    names += [name for name in os.listdir(index_dir) if prefixes and name.startswith(prefixes)]
    return sorted(names)


def load_record(index_dir: Path) -> tuple[dict | None, str | None]:
    """(the checksum record, None), (None, what is wrong with it), or (None, None) if there is none."""
    path = Path(index_dir) / CHECKSUM_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"{CHECKSUM_FILE} cannot be read ({error.strerror or error})"
    try:
        record = unseal(json.loads(text), required=True)
        files = record["files"]
        if not isinstance(files, dict) or not all(isinstance(v, list) and len(v) == 3 for v in files.values()):
            raise ValueError("malformed file list")
        record["index_name"], record["generation"]  # noqa: B018 - present
    except (ValueError, KeyError, TypeError) as error:
        return None, f"{CHECKSUM_FILE} is damaged ({error})"
    return record, None


def record_checksums(index_dir: Path, ix) -> None:
    """Records the live generation's files (after a commit, under the
    writer's lock). Files whose size and time are unchanged keep their
    recorded CRC, so only new files are read."""
    index_dir = Path(index_dir)
    previous, _ = load_record(index_dir)
    known = previous["files"] if previous else {}
    files = {}
    for name in index_files(index_dir, ix):
        stat = os.stat(index_dir / name)
        prior = known.get(name)
        if prior and prior[0] == stat.st_size and prior[1] == stat.st_mtime_ns:
            crc = prior[2]
        else:
            crc = crc_of_file(index_dir / name)
        files[name] = [stat.st_size, stat.st_mtime_ns, crc]
    record = {"index_name": ix.indexname, "generation": ix.latest_generation(), "files": files}
    write_json_atomically(index_dir / CHECKSUM_FILE, seal(record), separators=(",", ":"))


def verify_files(index_dir: Path, index_name: str, generation: int, full: bool = False) -> list[str]:
    """What is wrong with the live generation's files, by the record: a file
    missing, of another size, or (hashed when its time changed, or always
    with full) of other content. Empty when all is well or when there is no
    record of this generation to judge by."""
    index_dir = Path(index_dir)
    record, _ = load_record(index_dir)
    if record is None or record["index_name"] != index_name or record["generation"] != generation:
        return []
    problems = []
    for name, (size, mtime_ns, crc) in sorted(record["files"].items()):
        path = index_dir / name
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            problems.append(f"{name} is missing")
            continue
        except OSError as error:
            problems.append(f"{name} cannot be read ({error.strerror or error})")
            continue
        if stat.st_size != size:
            problems.append(f"{name} has {stat.st_size:,} bytes, {size:,} when it was written")
            continue
        if full or stat.st_mtime_ns != mtime_ns:
            try:
                matches = crc_of_file(path) == crc
            except OSError as error:
                problems.append(f"{name} cannot be read ({error.strerror or error})")
                continue
            if not matches:
                problems.append(f"{name} does not match the checksum recorded when it was written")
    return problems
