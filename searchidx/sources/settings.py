"""`searchidx.toml` beside a corpus: the field names of its files of records.

    # corpus/searchidx.toml
    [fields]
    title = "headline"
    date = "published_at"
    text = "content"
    url = "link"
    id = "guid"

A folder indexed again and again (or watched) keeps its names here rather
than on every command line. Names given as options (`--title-field`, …)
win over the file, and the file over the usual names
(searchidx.sources.records.FIELD_NAMES).
"""

from __future__ import annotations

import tomllib
from dataclasses import fields as dataclass_fields
from pathlib import Path

from searchidx.errors import SettingsFileError
from searchidx.sources.records import FieldNames

SETTINGS_FILE = "searchidx.toml"
_KNOWN = tuple(f.name for f in dataclass_fields(FieldNames))


def folder_field_names(folder: Path, given: FieldNames = FieldNames()) -> FieldNames:
    """The field names in force for a folder: given ones, then its searchidx.toml's."""
    return given.over(read_settings(folder))


def read_settings(folder: Path) -> FieldNames:
    """The [fields] of folder/searchidx.toml (none if there is no such file);
    raises SettingsFileError for a file that cannot be read or used."""
    path = folder / SETTINGS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return FieldNames()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsFileError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsFileError(f"{path}: {error}") from None
    unknown = sorted(set(data) - {"fields"})
    if unknown:
        raise SettingsFileError(f"{path}: unknown table or key {unknown[0]!r} (the one known is the fields table)")
    table = data.get("fields", {})
    if not isinstance(table, dict):
        raise SettingsFileError(f"{path}: fields must be a table, opened by a line `[fields]`")
    names = {}
    for key, value in table.items():
        if key not in _KNOWN:
            raise SettingsFileError(f"{path}: unknown key {key!r} in the fields table (known: {', '.join(_KNOWN)})")
        if not isinstance(value, str) or not value.strip():
            raise SettingsFileError(
                f'{path}: {key} in the fields table must be a field name in quotes, e.g. {key} = "{key}"'
            )
        names[key] = value.strip()
    return FieldNames(**names)
