"""The version of an installed distribution, as importlib.metadata gives it,
read without importlib.metadata where the layout is the usual one.

The cached tables (the stem table, the entity dictionaries) are keyed by
the versions of the packages they are derived from, so every process that
loads them asks. importlib.metadata answers by importing email, zipfile
and csv and scanning every distribution on sys.path, which costs a search
in a new process more than the search itself (docs/performance.md) and
every indexing run a share of its entity extraction. A wheel installs its package beside one
``<name>-<version>.dist-info`` folder whose METADATA holds the same
Version line, so that is read instead; importlib.metadata answers when the
layout is another (an egg, an editable install, several dist-info folders
of one name).
"""

from __future__ import annotations

import importlib.util
import os
import re


def normalized(name: str) -> str:
    """A distribution's name as its dist-info folder may spell it, folded:
    runs of -, _ and . as one _, in lowercase (PEP 503, PEP 427)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def version(dist: str, package: str) -> str | None:
    """The installed version of distribution `dist`, whose import name is
    `package`; None if it is not installed."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return None  # not importable: nothing can be derived from it
    found = _dist_info_version(spec, normalized(dist))
    return found if found is not None else _metadata_version(dist)


def _dist_info_version(spec, name: str) -> str | None:
    """The Version line of the one dist-info folder of `name` beside the
    package; None where there is not exactly one, or it is unreadable."""
    if spec.submodule_search_locations:
        locations = list(spec.submodule_search_locations)
        if len(locations) != 1:
            return None  # a namespace package spread over folders
        site = os.path.dirname(locations[0])
    elif spec.origin and os.path.isfile(spec.origin):
        site = os.path.dirname(spec.origin)  # a single-module distribution
    else:
        return None
    try:
        folders = [
            entry
            for entry in os.listdir(site)
            if entry.endswith(".dist-info") and normalized(entry.partition("-")[0]) == name
        ]
    except OSError:
        return None
    if len(folders) != 1:
        return None
    try:
        with open(os.path.join(site, folders[0], "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():
                    return None  # the end of the headers
    except OSError:
        pass
    return None


def _metadata_version(dist: str) -> str | None:
    try:
        from importlib.metadata import version as metadata_version

        return metadata_version(dist)
    except Exception:  # not installed, or metadata it cannot read
        return None
