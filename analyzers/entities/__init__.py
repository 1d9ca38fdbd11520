"""Named entities in Albanian text: people, places, organisations.

``extract_entities(text)`` returns the mentions in order, each with
character offsets, type and canonical name. Rules and dictionaries only: no
model to download. See :mod:`analyzers.entities.canonical` for the written
convention of canonical forms.

The modules are compiled with mypyc where the install could (setup.py);
importing the package first decides, cheaply, whether that build still
matches the sources and loads the pure-Python modules if not
(:mod:`analyzers.entities.compiled_build`). The extractor itself is imported
on first use of its names, so that asking which build runs (``searchidx
stats``) does not load it.
"""

from typing import TYPE_CHECKING

from analyzers.entities.compiled_build import ExtractionBuild, choose_build

if TYPE_CHECKING:
    from analyzers.entities.extract import Evidence, Mention, extract_entities

__all__ = ["Evidence", "ExtractionBuild", "Mention", "extraction_build", "extract_entities"]

choose_build()


def extraction_build() -> ExtractionBuild:
    """The build of the extractor this process runs: compiled, or pure Python and why."""
    return choose_build()


def __getattr__(name: str):
    if name in ("Evidence", "Mention", "extract_entities"):
        from analyzers.entities import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'analyzers.entities' has no attribute {name!r}")
